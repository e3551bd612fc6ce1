using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Throughcare.Web.TagHelpers;

/// <summary>
/// Every GOV.UK table scrolls sideways inside its own region on a narrow screen instead of widening the page. The region
/// takes keyboard focus so it can be scrolled without a mouse, and is named after the table's caption.
/// </summary>
public static partial class TableScroll
{
    public static void Wrap(TagHelperOutput output, string? caption)
    {
        var label = string.IsNullOrWhiteSpace(caption) ? "Table" : Whitespace().Replace(Tags().Replace(caption, " "), " ").Trim();
        output.PreElement.AppendHtml($"""<div class="app-table-scroll" role="region" tabindex="0" aria-label="{HtmlEncoder.Default.Encode(System.Net.WebUtility.HtmlDecode(label))}">""");
        output.PostElement.AppendHtml("</div>");
    }

    /// <summary>The text of a table's caption in its rendered content, if it has one.</summary>
    public static string? CaptionIn(string html) => Caption().Match(html) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>A table written out in a page's markup gets the same scrolling region as <see cref="GovUkTableTagHelper"/>.</summary>
[HtmlTargetElement("table", Attributes = "[class^='govuk-table']")]
public sealed class GovUkPlainTableTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output) =>
        TableScroll.Wrap(output, TableScroll.CaptionIn((await output.GetChildContentAsync()).GetContent()));
}

/// <summary>A table: the page writes thead/tbody itself.</summary>
[HtmlTargetElement("govuk-table")]
public sealed class GovUkTableTagHelper : TagHelper
{
    public string? Caption { get; set; }

    public string? CaptionClass { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var table = GovUkHtml.Element("table", "govuk-table");
        if (!string.IsNullOrEmpty(Caption))
        {
            table.InnerHtml.AppendHtml(GovUkHtml.Element("caption", GovUkHtml.Classes("govuk-table__caption", CaptionClass), Caption));
        }

        var content = await output.GetChildContentAsync();
        GovUkHtml.Render(output, GovUkHtml.Wrap(table, content));
        TableScroll.Wrap(output, Caption ?? TableScroll.CaptionIn(content.GetContent()));
    }
}

[HtmlTargetElement("govuk-tag")]
public sealed class GovUkTagTagHelper : TagHelper
{
    private static readonly HashSet<string> Colours = new(StringComparer.OrdinalIgnoreCase)
    {
        "grey", "green", "turquoise", "blue", "light-blue", "purple", "pink", "red", "orange", "yellow",
    };

    /// <summary>A GOV.UK tag colour; anything else is ignored so no arbitrary class can be injected.</summary>
    public string? Colour { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output) =>
        GovUkHtml.Render(output, GovUkHtml.Wrap(
            GovUkHtml.Element("strong", GovUkHtml.Classes("govuk-tag", Colour is not null && Colours.Contains(Colour) ? "govuk-tag--" + Colour.ToLowerInvariant() : null)),
            await output.GetChildContentAsync()));
}

[HtmlTargetElement("govuk-back-link")]
public sealed class GovUkBackLinkTagHelper : TagHelper
{
    public string? Href { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        var link = GovUkHtml.Link(Href, "govuk-back-link", content.IsEmptyOrWhiteSpace ? "Back" : null);
        GovUkHtml.Render(output, content.IsEmptyOrWhiteSpace ? link : GovUkHtml.Wrap(link, content));
    }
}

[HtmlTargetElement("govuk-fieldset")]
public sealed class GovUkFieldsetTagHelper : TagHelper
{
    public string? Legend { get; set; }

    public string? LegendClass { get; set; }

    public bool LegendIsPageHeading { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output) =>
        GovUkHtml.Render(output, GovUkHtml.Fieldset(Legend, LegendClass, LegendIsPageHeading, null, null, await output.GetChildContentAsync()));
}

[HtmlTargetElement("govuk-button")]
public sealed class GovUkButtonTagHelper : TagHelper
{
    private static readonly string[] Variants = ["secondary", "warning", "inverse"];

    public string? Type { get; set; }

    public string? Variant { get; set; }

    /// <summary>Renders a link styled as a button instead of a form button.</summary>
    public string? Href { get; set; }

    public bool PreventDoubleClick { get; set; }

    public bool Disabled { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var variant = Variants.FirstOrDefault(v => v.Equals(Variant, StringComparison.OrdinalIgnoreCase));
        var classes = GovUkHtml.Classes("govuk-button", variant is null ? null : "govuk-button--" + variant);
        var button = Href is null ? GovUkHtml.Element("button", classes) : GovUkHtml.Link(Href, classes);
        if (Href is null)
        {
            button.MergeAttribute("type", Type ?? "submit");
            GovUkHtml.SetIfValue(button, "disabled", Disabled ? "disabled" : null);
            GovUkHtml.SetIfValue(button, "aria-disabled", Disabled ? "true" : null);
        }
        else
        {
            button.MergeAttribute("role", "button");
            button.MergeAttribute("draggable", "false");
        }

        button.MergeAttribute("data-module", "govuk-button");
        GovUkHtml.SetIfValue(button, "data-prevent-double-click", PreventDoubleClick ? "true" : null);
        GovUkHtml.Render(output, GovUkHtml.Wrap(button, await output.GetChildContentAsync()));
    }
}

[HtmlTargetElement("govuk-notification-banner")]
public sealed class GovUkNotificationBannerTagHelper : TagHelper
{
    /// <summary>"success" (announced as an alert) or "important" (a landmark region).</summary>
    public string? Type { get; set; }

    public string? Title { get; set; }

    public string TitleId { get; set; } = "govuk-notification-banner-title";

    /// <summary>Optional single-line message, shown in the banner's heading style before any child content.</summary>
    public string? Heading { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var success = string.Equals(Type, "success", StringComparison.OrdinalIgnoreCase);
        var title = GovUkHtml.WithId(GovUkHtml.Element("h2", "govuk-notification-banner__title", Title ?? (success ? "Success" : "Important")), TitleId);
        var content = GovUkHtml.Element("div", "govuk-notification-banner__content");
        if (!string.IsNullOrEmpty(Heading))
        {
            content.InnerHtml.AppendHtml(GovUkHtml.Element("p", "govuk-notification-banner__heading", Heading));
        }

        content.InnerHtml.AppendHtml(await output.GetChildContentAsync());
        var banner = GovUkHtml.Wrap(
            GovUkHtml.Element("div", GovUkHtml.Classes("govuk-notification-banner", success ? "govuk-notification-banner--success" : null)),
            GovUkHtml.Wrap(GovUkHtml.Element("div", "govuk-notification-banner__header"), title),
            content);
        banner.MergeAttribute("role", success ? "alert" : "region");
        banner.MergeAttribute("aria-labelledby", TitleId);
        banner.MergeAttribute("data-module", "govuk-notification-banner");
        GovUkHtml.Render(output, banner);
    }
}
