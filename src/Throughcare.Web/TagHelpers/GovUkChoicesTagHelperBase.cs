using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Throughcare.Web.TagHelpers;

/// <summary>Radios and checkboxes: one input per item inside a fieldset. An item with a null Value is a divider ("or").</summary>
public abstract class GovUkChoicesTagHelperBase : GovUkFieldsetFieldTagHelperBase
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>"radios" or "checkboxes": the GOV.UK block name, which is also the data-module suffix.</summary>
    protected abstract string Block { get; }

    protected abstract string InputType { get; }

    protected virtual IEnumerable<string> Modifiers(TagHelperOutput output) =>
        GovUkHtml.TakeFlag(output, "small") ? ["small"] : [];

    protected override IHtmlContent Control(TagHelperOutput output, string id, string? describedBy, bool hasError)
    {
        var block = "govuk-" + Block;
        var list = GovUkHtml.Element("div", GovUkHtml.Classes([block, .. Modifiers(output).Select(m => $"{block}--{m}")]));
        list.MergeAttribute("data-module", block);
        var current = CurrentValues();
        var count = 0;
        foreach (var item in Items)
        {
            if (item.Value is null)
            {
                list.InnerHtml.AppendHtml(GovUkHtml.Element("div", block + "__divider", item.Text));
                continue;
            }

            // The first item takes the field id so the error summary link lands on it.
            var itemId = ++count == 1 ? id : $"{id}-{count}";
            var input = GovUkHtml.WithId(GovUkHtml.Element("input", block + "__input"), itemId);
            input.TagRenderMode = TagRenderMode.StartTag;
            input.MergeAttribute("name", FieldName);
            input.MergeAttribute("type", InputType);
            input.MergeAttribute("value", item.Value);
            GovUkHtml.SetFlags(input, "checked", GovUkHtml.IsSelected(item, current), item.Disabled);
            list.InnerHtml.AppendHtml(GovUkHtml.Wrap(
                GovUkHtml.Element("div", block + "__item"),
                input,
                GovUkHtml.Label(itemId, item.Text, block + "__label", isPageHeading: false)));
        }

        return list;
    }
}

[HtmlTargetElement("govuk-radios")]
public sealed class GovUkRadiosTagHelper : GovUkChoicesTagHelperBase
{
    protected override string Block => "radios";

    protected override string InputType => "radio";

    protected override IEnumerable<string> Modifiers(TagHelperOutput output) =>
        GovUkHtml.TakeFlag(output, "inline") ? ["inline", .. base.Modifiers(output)] : base.Modifiers(output);
}

[HtmlTargetElement("govuk-checkboxes")]
public sealed class GovUkCheckboxesTagHelper : GovUkChoicesTagHelperBase
{
    protected override string Block => "checkboxes";

    protected override string InputType => "checkbox";
}
