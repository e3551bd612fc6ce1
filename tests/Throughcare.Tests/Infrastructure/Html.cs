using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Throughcare.Tests.Infrastructure;

/// <summary>Assertions that read a GOV.UK page the way a person does.</summary>
public static class Html
{
    public static string? GetSummaryListValue(this IHtmlDocument document, string key) =>
        document.QuerySelectorAll(".govuk-summary-list__row")
            .FirstOrDefault(r => r.QuerySelector(".govuk-summary-list__key")?.TextContent.Trim() == key)
            ?.QuerySelector(".govuk-summary-list__value")?.TextContent.Trim();

    public static IReadOnlyList<string> ErrorSummary(this IHtmlDocument document) =>
        document.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>The error appears in the summary, linked to the field, and beside the field itself.</summary>
    public static void AssertHasError(this IHtmlDocument document, string fieldId, string message)
    {
        var links = document.QuerySelectorAll(".govuk-error-summary__list a").Select(a => (Href: a.GetAttribute("href"), Text: a.TextContent.Trim())).ToList();
        links.ShouldContain(l => l.Text == message, $"error summary: {string.Join(" | ", links.Select(l => l.Href + " " + l.Text))}");
        var link = links.First(l => l.Text == message);
        link.Href.ShouldNotBeNull().ShouldStartWith("#" + fieldId);
        document.QuerySelectorAll(".govuk-error-message").Select(e => e.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim())
            .ShouldContain(message);
    }

    /// <summary>The error summary links, in order, each to a field that comes later on the page than the one before.</summary>
    public static IReadOnlyList<string> AssertErrorSummaryInFieldOrder(this IHtmlDocument document)
    {
        var elements = document.QuerySelectorAll("main *").ToList();
        var links = document.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")!).ToList();
        links.Count.ShouldBeGreaterThan(1, "the order of one error proves nothing");
        var positions = links.Select(href => elements.IndexOf(document.QuerySelector(href).ShouldNotBeNull($"no field {href}"))).ToList();
        positions.ShouldBe(positions.Order().ToList(), $"error summary: {string.Join(", ", links)}");
        return links;
    }

    public static string Heading(this IHtmlDocument document) => document.QuerySelector("h1")?.TextContent.Trim() ?? "";

    public static IReadOnlyList<string> TableColumn(this IHtmlDocument document, int column) =>
        document.QuerySelectorAll("tbody tr").Select(r => r.Children.ElementAtOrDefault(column)?.TextContent.Trim() ?? "").ToList();

    public static string Text(this IElement? element) => element?.TextContent.Trim() ?? "";
}
