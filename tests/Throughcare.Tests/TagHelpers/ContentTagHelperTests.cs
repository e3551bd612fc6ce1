using Microsoft.AspNetCore.Html;
using Shouldly;
using Throughcare.Web.TagHelpers;
using Xunit;
using static Throughcare.Tests.TagHelpers.TagHelperHarness;

namespace Throughcare.Tests.TagHelpers;

public class ContentTagHelperTests
{
    private const string Hostile = FieldTagHelperTests.Hostile;

    [Fact]
    public async Task Summary_list_renders_rows_with_change_links_and_no_actions_modifier()
    {
        var html = await SummaryList(
            [],
            new GovUkSummaryListRowTagHelper { Key = "Name", ChangeHref = "/people/1/name", ChangeLabel = "name" },
            new GovUkSummaryListRowTagHelper { Key = "Date of birth" });

        var list = Parse(html).QuerySelector("dl.govuk-summary-list")!;
        list.ClassList.ShouldNotContain("govuk-summary-list--no-border");
        var rows = list.QuerySelectorAll("div.govuk-summary-list__row");
        rows.Length.ShouldBe(2);
        rows[0].QuerySelector("dt.govuk-summary-list__key")!.TextContent.ShouldBe("Name");
        rows[0].QuerySelector("dd.govuk-summary-list__value")!.InnerHtml.ShouldBe("<b>value 0</b>");
        var change = rows[0].QuerySelector("dd.govuk-summary-list__actions > a.govuk-link")!;
        change.GetAttribute("href").ShouldBe("/people/1/name");
        change.TextContent.ShouldBe("Change name");
        change.QuerySelector("span.govuk-visually-hidden")!.TextContent.ShouldBe(" name");
        rows[1].ClassList.ShouldContain("govuk-summary-list__row--no-actions");
        rows[1].QuerySelector(".govuk-summary-list__actions").ShouldBeNull();
    }

    [Fact]
    public async Task Summary_list_without_actions_or_border()
    {
        var html = await SummaryList([("no-border", null)], new GovUkSummaryListRowTagHelper { Key = Hostile });

        FieldTagHelperTests.AssertEncoded(html);
        var list = Parse(html).QuerySelector("dl")!;
        list.ClassName.ShouldBe("govuk-summary-list govuk-summary-list--no-border");
        list.QuerySelector(".govuk-summary-list__row--no-actions").ShouldBeNull();
        list.HasAttribute("no-border").ShouldBeFalse();
    }

    [Fact]
    public async Task Table_wraps_author_content_with_caption()
    {
        var body = await Dom(new GovUkTableTagHelper { Caption = "People", CaptionClass = "govuk-table__caption--m" }, "govuk-table", "<tbody class=\"govuk-table__body\"></tbody>");

        var table = body.QuerySelector("table.govuk-table")!;
        table.QuerySelector("caption.govuk-table__caption.govuk-table__caption--m")!.TextContent.ShouldBe("People");
        table.QuerySelector("tbody.govuk-table__body").ShouldNotBeNull();
    }

    [Fact]
    public async Task Table_scrolls_inside_a_focusable_region_named_after_its_caption()
    {
        var body = await Dom(new GovUkTableTagHelper { Caption = "People" }, "govuk-table", "<tbody class=\"govuk-table__body\"></tbody>");

        var region = body.QuerySelector("div.app-table-scroll")!;
        (region.GetAttribute("role"), region.GetAttribute("tabindex"), region.GetAttribute("aria-label")).ShouldBe(("region", "0", "People"));
        region.QuerySelector("table.govuk-table").ShouldNotBeNull();
    }

    [Fact]
    public async Task Table_written_in_the_page_gets_the_same_region_named_after_the_caption_text()
    {
        var body = await Dom(new GovUkPlainTableTagHelper(), "table",
            "<caption class=\"govuk-table__caption\">Contacts,\n <span class=\"govuk-visually-hidden\">newest &amp; first</span></caption>",
            ("class", "govuk-table"));

        var region = body.QuerySelector("div.app-table-scroll")!;
        region.GetAttribute("aria-label").ShouldBe("Contacts, newest & first");
        region.QuerySelector("table.govuk-table").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("green", "govuk-tag govuk-tag--green")]
    [InlineData("Light-Blue", "govuk-tag govuk-tag--light-blue")]
    [InlineData("x\" onclick=\"alert(1)", "govuk-tag")]
    [InlineData(null, "govuk-tag")]
    public async Task Tag_allows_only_known_colours(string? colour, string classes)
    {
        var tag = (await Dom(new GovUkTagTagHelper { Colour = colour }, "govuk-tag", "Active")).QuerySelector("strong")!;

        tag.ClassName.ShouldBe(classes);
        tag.TextContent.ShouldBe("Active");
        tag.HasAttribute("onclick").ShouldBeFalse();
    }

    [Fact]
    public async Task Button_defaults_to_submit_with_variant_and_double_click_prevention()
    {
        var button = (await Dom(new GovUkButtonTagHelper { Variant = "secondary", PreventDoubleClick = true }, "govuk-button", "Save")).QuerySelector("button")!;

        button.ClassName.ShouldBe("govuk-button govuk-button--secondary");
        button.GetAttribute("type").ShouldBe("submit");
        button.GetAttribute("data-module").ShouldBe("govuk-button");
        button.GetAttribute("data-prevent-double-click").ShouldBe("true");
        button.TextContent.ShouldBe("Save");
    }

    [Fact]
    public async Task Button_with_href_is_a_link_and_encodes_it()
    {
        var html = await Html(new GovUkButtonTagHelper { Href = Hostile, Variant = "warning" }, "govuk-button", "Delete");

        FieldTagHelperTests.AssertEncoded(html);
        var link = Parse(html).QuerySelector("a.govuk-button.govuk-button--warning")!;
        (link.GetAttribute("role"), link.GetAttribute("draggable"), link.GetAttribute("data-module")).ShouldBe(("button", "false", "govuk-button"));
        link.GetAttribute("href").ShouldBe(Hostile.Replace('\0', '\uFFFD'));
        link.HasAttribute("type").ShouldBeFalse();
    }

    [Fact]
    public async Task Success_banner_is_an_alert_labelled_by_its_title()
    {
        var banner = (await Dom(new GovUkNotificationBannerTagHelper { Type = "success", Heading = "Record saved" }, "govuk-notification-banner", "<p class=\"govuk-body\">Details</p>"))
            .QuerySelector("div.govuk-notification-banner")!;

        banner.ClassList.ShouldContain("govuk-notification-banner--success");
        (banner.GetAttribute("role"), banner.GetAttribute("aria-labelledby"), banner.GetAttribute("data-module"))
            .ShouldBe(("alert", "govuk-notification-banner-title", "govuk-notification-banner"));
        banner.QuerySelector(".govuk-notification-banner__header > h2#govuk-notification-banner-title.govuk-notification-banner__title")!.TextContent.ShouldBe("Success");
        banner.QuerySelector(".govuk-notification-banner__content > p.govuk-notification-banner__heading")!.TextContent.ShouldBe("Record saved");
        banner.QuerySelector(".govuk-notification-banner__content > p.govuk-body")!.TextContent.ShouldBe("Details");
    }

    [Fact]
    public async Task Important_banner_is_a_region_with_custom_title()
    {
        var html = await Html(new GovUkNotificationBannerTagHelper { Title = Hostile, TitleId = "banner-title" }, "govuk-notification-banner", "x");

        FieldTagHelperTests.AssertEncoded(html);
        var banner = Parse(html).QuerySelector("div.govuk-notification-banner")!;
        banner.ClassName.ShouldBe("govuk-notification-banner");
        (banner.GetAttribute("role"), banner.GetAttribute("aria-labelledby")).ShouldBe(("region", "banner-title"));
        banner.QuerySelector("#banner-title")!.TextContent.ShouldBe(Hostile.Replace('\0', '\uFFFD'));
    }

    [Fact]
    public async Task Back_link_defaults_its_text()
    {
        var link = (await Dom(new GovUkBackLinkTagHelper { Href = "/people?q=a&b" }, "govuk-back-link")).QuerySelector("a.govuk-back-link")!;

        (link.GetAttribute("href"), link.TextContent).ShouldBe(("/people?q=a&b", "Back"));
    }

    [Fact]
    public async Task Fieldset_wraps_content_under_a_heading_legend()
    {
        var fieldset = (await Dom(new GovUkFieldsetTagHelper { Legend = "Address", LegendClass = "govuk-fieldset__legend--l", LegendIsPageHeading = true }, "govuk-fieldset", "<p>inside</p>"))
            .QuerySelector("fieldset.govuk-fieldset")!;

        fieldset.QuerySelector("legend.govuk-fieldset__legend.govuk-fieldset__legend--l > h1.govuk-fieldset__heading")!.TextContent.ShouldBe("Address");
        fieldset.QuerySelector("p")!.TextContent.ShouldBe("inside");
    }

    [Fact]
    public async Task Author_attributes_are_kept_and_classes_merged()
    {
        var tag = (await Dom(new GovUkTagTagHelper(), "govuk-tag", "x", ("class", "app-tag"), ("data-test", "t"))).QuerySelector("strong")!;

        tag.ClassList.ShouldBe(["app-tag", "govuk-tag"], ignoreOrder: true);
        tag.GetAttribute("data-test").ShouldBe("t");
    }

    private static async Task<string> SummaryList((string Name, object? Value)[] attributes, params GovUkSummaryListRowTagHelper[] rows)
    {
        var output = await Run(new GovUkSummaryListTagHelper(), "govuk-summary-list", null, null, async items =>
        {
            var content = new HtmlContentBuilder();
            for (var i = 0; i < rows.Length; i++)
            {
                content.AppendHtml(await Run(rows[i], "govuk-summary-list-row", $"<b>value {i}</b>", items));
            }

            return content;
        }, attributes);
        return ToHtml(output);
    }
}
