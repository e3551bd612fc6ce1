using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Web.TagHelpers;

/// <summary>Day, month and year boxes bound to a <see cref="DateParts"/> property (names <c>{name}.Day</c>, ids <c>{id}-day</c>).</summary>
[HtmlTargetElement("govuk-date-input")]
public sealed class GovUkDateInputTagHelper : GovUkFieldsetFieldTagHelperBase
{
    protected override string? FieldsetRole => "group";

    protected override IEnumerable<string> ErrorKeys => [FieldName, .. GovUkHtml.DatePartKeys(FieldName)];

    protected override IHtmlContent Control(TagHelperOutput output, string id, string? describedBy, bool hasError)
    {
        var model = Field.Model as DateParts;
        var modelState = ViewContext.ModelState;
        // An error on the whole date marks every box; an error on one part marks only that box.
        var wholeDateInError = modelState.TryGetValue(FieldName, out var whole) && whole.Errors.Count > 0;
        var container = GovUkHtml.WithId(GovUkHtml.Element("div", "govuk-date-input"), id);
        foreach (var (part, value, width) in new[] { ("Day", model?.Day, 2), ("Month", model?.Month, 2), ("Year", model?.Year, 4) })
        {
            var key = FieldName + "." + part;
            var partId = id + "-" + part.ToLowerInvariant();
            var partInError = wholeDateInError || (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0);
            var input = GovUkHtml.WithId(GovUkHtml.Element("input", GovUkHtml.Classes(
                "govuk-input govuk-date-input__input", $"govuk-input--width-{width}", partInError ? "govuk-input--error" : null)), partId);
            input.TagRenderMode = TagRenderMode.StartTag;
            input.MergeAttribute("name", key);
            input.MergeAttribute("type", "text");
            input.MergeAttribute("inputmode", "numeric");
            GovUkHtml.SetIfValue(input, "value", AttemptedValue(key) ?? value);
            container.InnerHtml.AppendHtml(GovUkHtml.Wrap(
                GovUkHtml.Element("div", "govuk-date-input__item"),
                GovUkHtml.Wrap(GovUkHtml.Element("div", "govuk-form-group"), GovUkHtml.Label(partId, part, "govuk-date-input__label", isPageHeading: false), input)));
        }

        return container;
    }
}
