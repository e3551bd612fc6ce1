using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Throughcare.Web.TagHelpers;

[HtmlTargetElement("govuk-textarea")]
public sealed class GovUkTextareaTagHelper : GovUkLabelledFieldTagHelperBase
{
    public int Rows { get; set; } = 5;

    public string? Autocomplete { get; set; }

    protected override IHtmlContent Control(TagHelperOutput output, string id, string? describedBy, bool hasError)
    {
        var textarea = NewControl("textarea", GovUkHtml.Classes("govuk-textarea", hasError ? "govuk-textarea--error" : null), id, describedBy);
        textarea.MergeAttribute("rows", Rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        GovUkHtml.SetIfValue(textarea, "autocomplete", Autocomplete);
        textarea.InnerHtml.Append(Value ?? string.Empty);
        return textarea;
    }
}
