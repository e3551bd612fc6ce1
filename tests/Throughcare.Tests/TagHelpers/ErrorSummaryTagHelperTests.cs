using Shouldly;
using Throughcare.Web.TagHelpers;
using Xunit;
using static Throughcare.Tests.TagHelpers.TagHelperHarness;

namespace Throughcare.Tests.TagHelpers;

public class ErrorSummaryTagHelperTests
{
    private readonly TagHelperHarness _page = new();

    private Task<string> Render() => Html(new GovUkErrorSummaryTagHelper { ViewContext = _page.ViewContext }, "govuk-error-summary");

    [Fact]
    public async Task Renders_nothing_when_model_state_has_no_errors()
    {
        _page.Attempt("Input.GivenName", "Ada");

        (await Render()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Lists_one_link_per_field_to_the_field_id_and_model_errors_as_text()
    {
        _page.Attempt("Input.GivenName", string.Empty, "Enter your given name", "A second error is not listed");
        _page.ModelState.AddModelError(string.Empty, "Could not save the record");
        _page.Attempt("Input.Region", string.Empty, "Select a region");

        var body = Parse(await Render());

        var summary = body.QuerySelector("div.govuk-error-summary[data-module=govuk-error-summary]")!;
        summary.QuerySelector("div[role=alert] > h2.govuk-error-summary__title")!.TextContent.ShouldBe("There is a problem");
        var items = summary.QuerySelectorAll(".govuk-error-summary__body > ul.govuk-list.govuk-error-summary__list > li");
        items.Select(i => i.TextContent).ShouldBe(["Could not save the record", "Enter your given name", "Select a region"], ignoreOrder: true);
        items.Single(i => i.TextContent == "Could not save the record").QuerySelector("a").ShouldBeNull();
        summary.QuerySelectorAll("a").Select(a => (a.GetAttribute("href"), a.TextContent))
            .ShouldBe([("#Input_GivenName", "Enter your given name"), ("#Input_Region", "Select a region")], ignoreOrder: true);
    }

    [Fact]
    public async Task Follows_model_state_order()
    {
        _page.Attempt("Input.Region", string.Empty, "Select a region");
        _page.Attempt("Input.GivenName", string.Empty, "Enter your given name");
        var expected = _page.ModelState.Where(e => e.Value!.Errors.Count > 0).Select(e => "#" + GovUkHtml.FieldId(e.Key)).ToList();

        var body = Parse(await Render());

        body.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe(expected);
    }

    [Fact]
    public async Task Links_date_errors_to_the_day_box_or_the_part_in_error_once()
    {
        _page.Attempt("Input.DateOfBirth.Day", "31");
        _page.Attempt("Input.DateOfBirth.Month", "x", "Month must be a number");
        _page.Attempt("Input.DateOfBirth.Year", "2000");
        _page.ModelState.AddModelError("Input.DateOfBirth", "Enter a real date of birth");
        _page.ModelState.AddModelError("Input.DateOfBirth.Day", "Day must be real");

        var body = Parse(await Render());

        body.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Order(StringComparer.Ordinal)
            .ShouldBe(["#Input_DateOfBirth-day", "#Input_DateOfBirth-month"]);
    }

    [Fact]
    public async Task Encodes_hostile_messages()
    {
        _page.Attempt("Input.GivenName", string.Empty, FieldTagHelperTests.Hostile);
        _page.ModelState.AddModelError(string.Empty, FieldTagHelperTests.Hostile);

        var html = await Render();

        FieldTagHelperTests.AssertEncoded(html);
        Parse(html).QuerySelectorAll("li").Select(l => l.TextContent).ShouldAllBe(t => t == FieldTagHelperTests.Hostile.Replace('\0', '\uFFFD'));
    }

    [Fact]
    public void Field_ids_are_sanitised_model_names()
    {
        GovUkHtml.FieldId("Input.GivenName").ShouldBe("Input_GivenName");
        GovUkHtml.FieldId("Input.Items[0].Name").ShouldBe("Input_Items_0__Name");
    }
}
