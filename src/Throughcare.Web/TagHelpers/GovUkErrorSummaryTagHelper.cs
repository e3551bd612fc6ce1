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
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, entry) in modelState)
        {
            if (key.Length == 0)
            {
                foreach (var error in entry.Errors)
                {
                    list.InnerHtml.AppendHtml(GovUkHtml.Element("li", null, GovUkHtml.ErrorText(error)));
                }
            }
            else if (entry.Errors.Count > 0 && linked.Add(GovUkHtml.ErrorHref(modelState, key)))
            {
                // Only the first error per field, matching the message shown beside the field; one link per field.
                var link = GovUkHtml.Link(GovUkHtml.ErrorHref(modelState, key), string.Empty, GovUkHtml.ErrorText(entry.Errors[0]));
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
