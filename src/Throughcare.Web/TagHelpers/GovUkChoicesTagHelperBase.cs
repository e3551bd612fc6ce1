using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Throughcare.Web.TagHelpers;

/// <summary>
/// Radios and checkboxes: one input per item inside a fieldset. An item with a null Value is a divider ("or"); items
/// with a <see cref="SelectListItem.Group"/> follow a heading with the group's name, where the group starts.
/// </summary>
public abstract class GovUkChoicesTagHelperBase : GovUkFieldsetFieldTagHelperBase
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>
    /// The item whose conditional reveal is this element's content (GOV.UK conditional reveal), shown by the stylesheet
    /// while that item is checked. A browser without <c>:has()</c> shows it always, so the page that reads it must
    /// ignore it when another item is chosen.
    /// </summary>
    [HtmlAttributeName("conditional-value")]
    public string? ConditionalValue { get; set; }

    private IHtmlContent? _conditional;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        // The reveal's own fields render here, after the choices they follow, so the error summary keeps their order.
        _conditional = ConditionalValue is null ? null : await output.GetChildContentAsync();
        Process(context, output);
    }

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
        SelectListGroup? group = null;
        foreach (var item in Items)
        {
            if (item.Group is not null && item.Group != group)
            {
                list.InnerHtml.AppendHtml(GovUkHtml.Element("p", "govuk-body govuk-!-font-weight-bold govuk-!-margin-top-4 govuk-!-margin-bottom-2 app-choices__group", item.Group.Name));
            }

            group = item.Group;
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
            var selected = GovUkHtml.IsSelected(item, current);
            GovUkHtml.SetFlags(input, "checked", selected, item.Disabled);
            var reveals = _conditional is not null && string.Equals(item.Value, ConditionalValue, StringComparison.Ordinal);
            var conditionalId = $"conditional-{itemId}";
            if (reveals)
            {
                // Not GOV.UK Frontend's (data-)aria-controls: its script would then mark the input aria-expanded,
                // which a radio may not carry (axe: aria-allowed-attr). The stylesheet reveals the content while the
                // item is checked, with or without script.
                input.MergeAttribute("data-reveal", conditionalId);
            }

            list.InnerHtml.AppendHtml(GovUkHtml.Wrap(
                GovUkHtml.Element("div", block + "__item"),
                input,
                GovUkHtml.Label(itemId, item.Text, block + "__label", isPageHeading: false)));
            if (reveals)
            {
                var reveal = GovUkHtml.WithId(GovUkHtml.Element("div", block + "__conditional app-conditional"), conditionalId);
                reveal.InnerHtml.AppendHtml(_conditional!);
                list.InnerHtml.AppendHtml(reveal);
            }
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
