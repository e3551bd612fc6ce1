using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Throughcare.Web.TagHelpers;

/// <summary>Numbered pagination showing the first, last and current ±1 pages, with ellipses for gaps.</summary>
[HtmlTargetElement("govuk-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkPaginationTagHelper : TagHelper
{
    // Simple arrows drawn for a 15×13 box, matching the size GOV.UK Frontend's styles expect.
    private const string PreviousArrow = "M6.5 0 0 6.5 6.5 13 7.9 11.6 3.8 7.5H15v-2H3.8l4.1-4.1z";
    private const string NextArrow = "M8.5 0 7.1 1.4l4.1 4.1H0v2h11.2l-4.1 4.1L8.5 13 15 6.5z";

    public int CurrentPage { get; set; }

    public int TotalPages { get; set; }

    /// <summary>A URL in which <c>{page}</c> is replaced by the page number.</summary>
    public string HrefTemplate { get; set; } = "?page={page}";

    public string LandmarkLabel { get; set; } = "Pagination";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (TotalPages <= 1)
        {
            output.SuppressOutput();
            return;
        }

        var current = Math.Clamp(CurrentPage, 1, TotalPages);
        var nav = GovUkHtml.Element("nav", "govuk-pagination");
        nav.MergeAttribute("aria-label", LandmarkLabel);
        if (current > 1)
        {
            nav.InnerHtml.AppendHtml(Step(current - 1, "prev", "Previous", PreviousArrow));
        }

        var list = GovUkHtml.Element("ul", "govuk-pagination__list");
        var previous = 0;
        foreach (var page in new SortedSet<int> { 1, current - 1, current, current + 1, TotalPages }.Where(p => p >= 1 && p <= TotalPages))
        {
            if (page - previous > 1)
            {
                list.InnerHtml.AppendHtml(GovUkHtml.Element("li", "govuk-pagination__item govuk-pagination__item--ellipses", "\u22EF"));
            }

            var link = GovUkHtml.Link(Href(page), "govuk-link govuk-pagination__link", page.ToString(CultureInfo.InvariantCulture));
            link.MergeAttribute("aria-label", "Page " + page.ToString(CultureInfo.InvariantCulture));
            GovUkHtml.SetIfValue(link, "aria-current", page == current ? "page" : null);
            list.InnerHtml.AppendHtml(GovUkHtml.Wrap(
                GovUkHtml.Element("li", GovUkHtml.Classes("govuk-pagination__item", page == current ? "govuk-pagination__item--current" : null)), link));
            previous = page;
        }

        nav.InnerHtml.AppendHtml(list);
        if (current < TotalPages)
        {
            nav.InnerHtml.AppendHtml(Step(current + 1, "next", "Next", NextArrow));
        }

        GovUkHtml.Render(output, nav);
    }

    private string Href(int page) => HrefTemplate.Replace("{page}", page.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private TagBuilder Step(int page, string rel, string text, string arrow)
    {
        var icon = GovUkHtml.Element("svg", $"govuk-pagination__icon govuk-pagination__icon--{rel}");
        foreach (var (name, value) in new[] { ("xmlns", "http://www.w3.org/2000/svg"), ("height", "13"), ("width", "15"), ("aria-hidden", "true"), ("focusable", "false"), ("viewBox", "0 0 15 13") })
        {
            icon.MergeAttribute(name, value);
        }

        var path = new TagBuilder("path");
        path.MergeAttribute("d", arrow);
        icon.InnerHtml.AppendHtml(path);
        var title = GovUkHtml.Element("span", "govuk-pagination__link-title", text);
        title.InnerHtml.AppendHtml(GovUkHtml.Element("span", "govuk-visually-hidden", " page"));
        var link = GovUkHtml.Link(Href(page), "govuk-link govuk-pagination__link");
        link.MergeAttribute("rel", rel);
        IHtmlContent[] parts = rel == "prev" ? [icon, title] : [title, icon];
        return GovUkHtml.Wrap(GovUkHtml.Element("div", "govuk-pagination__" + rel), GovUkHtml.Wrap(link, parts));
    }
}
