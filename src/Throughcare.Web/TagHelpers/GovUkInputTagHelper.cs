using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Throughcare.Web.TagHelpers;

[HtmlTargetElement("govuk-input")]
public sealed class GovUkInputTagHelper : GovUkLabelledFieldTagHelperBase
{
    public string? InputClass { get; set; }

    public string? Type { get; set; }

    public string? Autocomplete { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    public bool? Spellcheck { get; set; }

    protected override IHtmlContent Control(TagHelperOutput output, string id, string? describedBy, bool hasError)
    {
        var input = NewControl("input", GovUkHtml.Classes("govuk-input", InputClass, hasError ? "govuk-input--error" : null), id, describedBy);
        input.TagRenderMode = TagRenderMode.StartTag;
        input.MergeAttribute("type", Type ?? "text");
        GovUkHtml.SetIfValue(input, "value", Value);
        GovUkHtml.SetIfValue(input, "autocomplete", Autocomplete);
        GovUkHtml.SetIfValue(input, "inputmode", InputMode);
        GovUkHtml.SetIfValue(input, "spellcheck", Spellcheck switch { true => "true", false => "false", null => null });
        return input;
    }
}
