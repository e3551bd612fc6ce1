using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Throughcare.Web.TagHelpers;

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

        GovUkHtml.Render(output, GovUkHtml.Wrap(table, await output.GetChildContentAsync()));
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
