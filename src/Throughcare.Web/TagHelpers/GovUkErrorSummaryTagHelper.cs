using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Throughcare.Web.TagHelpers;

/// <summary>Lists ModelState errors, each linking to its field; model-level errors (key "") are plain text.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ModelState;
        if (modelState.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }

        var list = GovUkHtml.Element("ul", "govuk-list govuk-error-summary__list");
        if (modelState.TryGetValue(string.Empty, out var page))
        {
            foreach (var error in page.Errors)
            {
                list.InnerHtml.AppendHtml(GovUkHtml.Element("li", null, GovUkHtml.ErrorText(error)));
            }
        }

        // In the order the form shows its fields; errors of keys no field rendered follow, in ModelState's order.
        var http = ViewContext.HttpContext;
        var fieldErrors = modelState
            .Where(e => e.Key.Length > 0 && e.Value is { Errors.Count: > 0 })
            .Select(e => (Message: GovUkHtml.ErrorText(e.Value!.Errors[0]), Rendered: GovUkHtml.Rendered(http, e.Key), e.Key))
            .OrderBy(e => e.Rendered?.Position ?? int.MaxValue);
        var linked = new HashSet<(string, string)>();
        foreach (var (message, rendered, key) in fieldErrors)
        {
            // Only the first error per key, matching the message shown beside the field; one link per field, except a
            // field that shows an error for each of its parts (the files of an upload).
            var href = rendered?.Href ?? GovUkHtml.ErrorHref(modelState, key);
            if (linked.Add((href, rendered?.Href is null ? string.Empty : message)))
            {
                var link = GovUkHtml.Link(href, string.Empty, message);
                link.Attributes.Remove("class");
                list.InnerHtml.AppendHtml(GovUkHtml.Wrap(GovUkHtml.Element("li", null), link));
            }
        }

        var alert = GovUkHtml.Wrap(
            GovUkHtml.Element("div", null),
            GovUkHtml.Element("h2", "govuk-error-summary__title", "There is a problem"),
            GovUkHtml.Wrap(GovUkHtml.Element("div", "govuk-error-summary__body"), list));
        alert.MergeAttribute("role", "alert");
        var summary = GovUkHtml.Wrap(GovUkHtml.Element("div", "govuk-error-summary"), alert);
        summary.MergeAttribute("data-module", "govuk-error-summary");
        GovUkHtml.Render(output, summary);
    }
}
