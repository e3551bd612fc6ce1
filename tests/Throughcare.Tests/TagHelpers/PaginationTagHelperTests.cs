using Shouldly;
using Throughcare.Web.TagHelpers;
using Xunit;
using static Throughcare.Tests.TagHelpers.TagHelperHarness;

namespace Throughcare.Tests.TagHelpers;

public class PaginationTagHelperTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Renders_nothing_for_a_single_page(int total) =>
        (await Html(new GovUkPaginationTagHelper { CurrentPage = 1, TotalPages = total }, "govuk-pagination")).ShouldBeEmpty();

    [Theory]
    [InlineData(3, 10, "1 2 3 4 … 10")]
    [InlineData(6, 10, "1 … 5 6 7 … 10")]
    [InlineData(1, 10, "1 2 … 10")]
    [InlineData(10, 10, "1 … 9 10")]
    [InlineData(2, 3, "1 2 3")]
    [InlineData(99, 4, "1 … 3 4")]
    public async Task Shows_first_last_and_current_plus_or_minus_one(int current, int total, string expected)
    {
        var nav = await Nav(current, total, "/people?page={page}");

        string.Join(' ', nav.QuerySelectorAll("li.govuk-pagination__item").Select(li => li.ClassList.Contains("govuk-pagination__item--ellipses") ? "…" : li.TextContent))
            .ShouldBe(expected);
    }

    [Fact]
    public async Task Links_previous_next_and_marks_the_current_page()
    {
        var nav = await Nav(3, 10, "/people?page={page}");

        nav.GetAttribute("aria-label").ShouldBe("Pagination");
        var prev = nav.QuerySelector("div.govuk-pagination__prev > a.govuk-link.govuk-pagination__link[rel=prev]")!;
        prev.GetAttribute("href").ShouldBe("/people?page=2");
        prev.QuerySelector(".govuk-pagination__link-title")!.TextContent.ShouldBe("Previous page");
        prev.QuerySelector("svg.govuk-pagination__icon--prev")!.GetAttribute("aria-hidden").ShouldBe("true");
        nav.QuerySelector("div.govuk-pagination__next > a[rel=next]")!.GetAttribute("href").ShouldBe("/people?page=4");
        var current = nav.QuerySelector("li.govuk-pagination__item--current > a")!;
        (current.GetAttribute("href"), current.GetAttribute("aria-current"), current.GetAttribute("aria-label")).ShouldBe(("/people?page=3", "page", "Page 3"));
        nav.QuerySelectorAll("a[aria-current]").Length.ShouldBe(1);
    }

    [Fact]
    public async Task First_and_last_pages_omit_previous_and_next()
    {
        (await Nav(1, 5, "?p={page}")).QuerySelector(".govuk-pagination__prev").ShouldBeNull();
        (await Nav(5, 5, "?p={page}")).QuerySelector(".govuk-pagination__next").ShouldBeNull();
    }

    [Fact]
    public async Task Encodes_the_href_template()
    {
        var html = await Html(new GovUkPaginationTagHelper { CurrentPage = 1, TotalPages = 2, HrefTemplate = "/p?q=\"><script>x</script>&page={page}" }, "govuk-pagination");

        html.ShouldNotContain("<script>");
        Parse(html).QuerySelector("a[rel=next]")!.GetAttribute("href").ShouldBe("/p?q=\"><script>x</script>&page=2");
    }

    private static async Task<AngleSharp.Dom.IElement> Nav(int current, int total, string template) =>
        (await Dom(new GovUkPaginationTagHelper { CurrentPage = current, TotalPages = total, HrefTemplate = template }, "govuk-pagination")).QuerySelector("nav.govuk-pagination")!;
}
