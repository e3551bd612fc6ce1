using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Throughcare.Web.TagHelpers;

/// <summary>
/// A summary list. Rows are collected first and rendered here because a row without a change link needs the
/// <c>--no-actions</c> modifier only when some other row has one.
/// </summary>
[HtmlTargetElement("govuk-summary-list")]
[RestrictChildren("govuk-summary-list-row")]
public sealed class GovUkSummaryListTagHelper : TagHelper
{
    internal sealed record Row(string? Key, IHtmlContent Value, string? ChangeHref, string? ChangeLabel);

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var rows = new List<Row>();
        context.Items[typeof(GovUkSummaryListTagHelper)] = rows;
        await output.GetChildContentAsync();
        var anyActions = rows.Exists(r => r.ChangeHref is not null);
        var list = GovUkHtml.Element("dl", GovUkHtml.Classes("govuk-summary-list", GovUkHtml.TakeFlag(output, "no-border") ? "govuk-summary-list--no-border" : null));
        foreach (var row in rows)
        {
            var rowTag = GovUkHtml.Element("div", GovUkHtml.Classes(
                "govuk-summary-list__row", anyActions && row.ChangeHref is null ? "govuk-summary-list__row--no-actions" : null));
            rowTag.InnerHtml.AppendHtml(GovUkHtml.Element("dt", "govuk-summary-list__key", row.Key));
            rowTag.InnerHtml.AppendHtml(GovUkHtml.Wrap(GovUkHtml.Element("dd", "govuk-summary-list__value"), row.Value));
            if (row.ChangeHref is not null)
            {
                var link = GovUkHtml.Link(row.ChangeHref, "govuk-link", "Change");
                if (!string.IsNullOrEmpty(row.ChangeLabel))
                {
                    link.InnerHtml.AppendHtml(GovUkHtml.Element("span", "govuk-visually-hidden", " " + row.ChangeLabel));
                }

                rowTag.InnerHtml.AppendHtml(GovUkHtml.Wrap(GovUkHtml.Element("dd", "govuk-summary-list__actions"), link));
            }

            list.InnerHtml.AppendHtml(rowTag);
        }

        GovUkHtml.Render(output, list);
    }
}

[HtmlTargetElement("govuk-summary-list-row", ParentTag = "govuk-summary-list")]
public sealed class GovUkSummaryListRowTagHelper : TagHelper
{
    public string? Key { get; set; }

    public string? ChangeHref { get; set; }

    /// <summary>Visually hidden text after "Change", so screen reader users hear what each link changes.</summary>
    public string? ChangeLabel { get; set; }

    /// <summary>Shown instead of an empty value, such as "Not recorded", so that a blank row does not read as a fault.</summary>
    public string? IfBlank { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (context.Items.TryGetValue(typeof(GovUkSummaryListTagHelper), out var rows) && rows is List<GovUkSummaryListTagHelper.Row> list)
        {
            // An empty href (change-href="@null" binds as "") means no change link, so a view can pass null when the user may not change it.
            var content = await output.GetChildContentAsync();
            IHtmlContent value = IfBlank is not null && content.IsEmptyOrWhiteSpace ? new HtmlContentBuilder().Append(IfBlank) : content;

            list.Add(new GovUkSummaryListTagHelper.Row(Key, value, string.IsNullOrEmpty(ChangeHref) ? null : ChangeHref, ChangeLabel));
        }

        output.SuppressOutput();
    }
}
