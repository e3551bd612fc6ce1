using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Throughcare.Web.TagHelpers;

[HtmlTargetElement("govuk-select")]
public sealed class GovUkSelectTagHelper : GovUkLabelledFieldTagHelperBase
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>When set, a first option with an empty value, so that "nothing chosen" can be posted and rejected.</summary>
    public string? EmptyOptionText { get; set; }

    protected override IHtmlContent Control(TagHelperOutput output, string id, string? describedBy, bool hasError)
    {
        var select = NewControl("select", GovUkHtml.Classes("govuk-select", hasError ? "govuk-select--error" : null), id, describedBy);
        var current = CurrentValues();
        var options = EmptyOptionText is null ? Items : Items.Prepend(new SelectListItem(EmptyOptionText, string.Empty));
        foreach (var item in options)
        {
            var option = GovUkHtml.Element("option", null, item.Text);
            option.MergeAttribute("value", item.Value ?? item.Text);
            GovUkHtml.SetFlags(option, "selected", GovUkHtml.IsSelected(item, current), item.Disabled);
            select.InnerHtml.AppendHtml(option);
        }

        return select;
    }
}
