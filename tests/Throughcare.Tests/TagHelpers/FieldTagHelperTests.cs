using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Shouldly;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.TagHelpers;
using Xunit;
using static Throughcare.Tests.TagHelpers.TagHelperHarness;

namespace Throughcare.Tests.TagHelpers;

public class FieldTagHelperTests
{
    internal const string Hostile = "\"><script>alert('x')</script> {{7*7}} \u202Eevil\0end";

    private readonly TagHelperHarness _page = new();

    [Fact]
    public async Task Input_renders_label_from_display_name_and_model_value()
    {
        _page.Model.Input.GivenName = "Ada";
        var input = _page.Field(new GovUkInputTagHelper { InputClass = "govuk-input--width-20", Autocomplete = "given-name", Spellcheck = false }, "Input.GivenName");

        var body = await Dom(input);

        var group = body.QuerySelector("div.govuk-form-group")!;
        group.ClassList.ShouldNotContain("govuk-form-group--error");
        group.QuerySelector("label.govuk-label")!.GetAttribute("for").ShouldBe("Input_GivenName");
        group.QuerySelector("label")!.TextContent.ShouldBe("Given name");
        var field = group.QuerySelector("input")!;
        field.ClassName.ShouldBe("govuk-input govuk-input--width-20");
        (field.Id, field.GetAttribute("name"), field.GetAttribute("type"), field.GetAttribute("value")).ShouldBe(("Input_GivenName", "Input.GivenName", "text", "Ada"));
        field.GetAttribute("autocomplete").ShouldBe("given-name");
        field.GetAttribute("spellcheck").ShouldBe("false");
        field.HasAttribute("aria-describedby").ShouldBeFalse();
        body.QuerySelector(".govuk-error-message").ShouldBeNull();
    }

    [Fact]
    public async Task Input_with_error_echoes_attempted_value_and_links_hint_and_error()
    {
        _page.Model.Input.GivenName = "model value";
        _page.Attempt("Input.GivenName", "typed", "Enter your given name");
        var input = _page.Field(new GovUkInputTagHelper { Hint = "As on your passport", Label = "First name", InputMode = "numeric" }, "Input.GivenName");

        var body = await Dom(input);

        body.QuerySelector(".govuk-form-group")!.ClassList.ShouldContain("govuk-form-group--error");
        body.QuerySelector("#Input_GivenName-hint.govuk-hint")!.TextContent.ShouldBe("As on your passport");
        var error = body.QuerySelector("p#Input_GivenName-error.govuk-error-message")!;
        error.QuerySelector("span.govuk-visually-hidden")!.TextContent.ShouldBe("Error:");
        error.TextContent.ShouldBe("Error: Enter your given name");
        var field = body.QuerySelector("input")!;
        field.ClassList.ShouldContain("govuk-input--error");
        field.GetAttribute("value").ShouldBe("typed");
        field.GetAttribute("inputmode").ShouldBe("numeric");
        field.GetAttribute("aria-describedby").ShouldBe("Input_GivenName-hint Input_GivenName-error");
        body.QuerySelector("label")!.TextContent.ShouldBe("First name");
    }

    [Fact]
    public async Task Input_label_can_be_the_page_heading()
    {
        var input = _page.Field(new GovUkInputTagHelper { LabelIsPageHeading = true, LabelClass = "govuk-label--l" }, "Input.GivenName");

        var body = await Dom(input);

        body.QuerySelector("h1.govuk-label-wrapper > label.govuk-label.govuk-label--l")!.TextContent.ShouldBe("Given name");
    }

    [Fact]
    public async Task Input_formats_dates_and_numbers_invariantly()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            _page.Model.Input.ReleaseDate = new DateOnly(2025, 3, 9);
            _page.Model.Input.Score = 1.5m;
            (await Dom(_page.Field(new GovUkInputTagHelper { Type = "date" }, "Input.ReleaseDate"))).QuerySelector("input")!.GetAttribute("value").ShouldBe("2025-03-09");
            (await Dom(_page.Field(new GovUkInputTagHelper(), "Input.Score"))).QuerySelector("input")!.GetAttribute("value").ShouldBe("1.5");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task Input_encodes_hostile_values_everywhere()
    {
        _page.Attempt("Input.GivenName", Hostile, Hostile);
        var input = _page.Field(new GovUkInputTagHelper { Label = Hostile, Hint = Hostile }, "Input.GivenName");

        var html = await Html(input);

        AssertEncoded(html);
        var body = Parse(html);
        body.QuerySelector("input")!.GetAttribute("value").ShouldBe(Hostile.Replace('\0', '\uFFFD'));
        body.QuerySelector("label")!.TextContent.ShouldBe(Hostile.Replace('\0', '\uFFFD'));
        body.QuerySelectorAll("script").ShouldBeEmpty();
        body.QuerySelectorAll("input").Length.ShouldBe(1);
    }

    [Fact]
    public async Task Textarea_renders_rows_and_encoded_content()
    {
        _page.Attempt("Input.Notes", "</textarea><script>x</script>", "Too long");
        var textarea = _page.Field(new GovUkTextareaTagHelper { Rows = 8, Hint = "Keep it short" }, "Input.Notes");

        var html = await Html(textarea);

        html.ShouldNotContain("<script>");
        var field = Parse(html).QuerySelector("textarea#Input_Notes.govuk-textarea.govuk-textarea--error")!;
        field.GetAttribute("rows").ShouldBe("8");
        field.GetAttribute("name").ShouldBe("Input.Notes");
        field.TextContent.ShouldBe("</textarea><script>x</script>");
        field.GetAttribute("aria-describedby").ShouldBe("Input_Notes-hint Input_Notes-error");
    }

    [Fact]
    public async Task Select_puts_empty_option_first_and_selects_model_value()
    {
        _page.Model.Input.Region = "south";
        var select = _page.Field(new GovUkSelectTagHelper { EmptyOptionText = "Choose a region", Items = Regions() }, "Input.Region");

        var body = await Dom(select);

        var options = body.QuerySelectorAll("select#Input_Region.govuk-select[name='Input.Region'] option");
        options.Select(o => o.GetAttribute("value")).ShouldBe(["", "north", "south"]);
        options[0].TextContent.ShouldBe("Choose a region");
        options.Where(o => o.HasAttribute("selected")).Select(o => o.GetAttribute("value")).ShouldBe(["south"]);
    }

    [Fact]
    public async Task Select_prefers_attempted_value_and_shows_error()
    {
        _page.Model.Input.Region = "south";
        _page.Attempt("Input.Region", string.Empty, "Select a region");
        var select = _page.Field(new GovUkSelectTagHelper { EmptyOptionText = "Choose", Items = Regions() }, "Input.Region");

        var body = await Dom(select);

        body.QuerySelector("select")!.ClassList.ShouldContain("govuk-select--error");
        body.QuerySelector("select")!.GetAttribute("aria-describedby").ShouldBe("Input_Region-error");
        body.QuerySelectorAll("option[selected]").Select(o => o.GetAttribute("value")).ShouldBe([""]);
    }

    [Fact]
    public async Task Radios_render_fieldset_items_divider_and_checked_state()
    {
        _page.Model.Input.Contact = "phone";
        var radios = _page.Field(new GovUkRadiosTagHelper
        {
            Legend = "How should we contact you?",
            LegendClass = "govuk-fieldset__legend--m",
            Hint = "Choose one",
            Items = [new("Email", "email"), new("Phone", "phone"), new() { Text = "or" }, new("Do not contact", "none")],
        }, "Input.Contact");

        var body = await Dom(radios, "govuk-radios", null, ("inline", null), ("small", "true"));

        var fieldset = body.QuerySelector("div.govuk-form-group > fieldset.govuk-fieldset")!;
        fieldset.GetAttribute("aria-describedby").ShouldBe("Input_Contact-hint");
        fieldset.HasAttribute("role").ShouldBeFalse();
        fieldset.QuerySelector("legend.govuk-fieldset__legend.govuk-fieldset__legend--m")!.TextContent.ShouldBe("How should we contact you?");
        var list = fieldset.QuerySelector("div.govuk-radios")!;
        list.ClassName.ShouldBe("govuk-radios govuk-radios--inline govuk-radios--small");
        list.GetAttribute("data-module").ShouldBe("govuk-radios");
        var inputs = list.QuerySelectorAll(".govuk-radios__item > input.govuk-radios__input[type=radio][name='Input.Contact']");
        inputs.Select(i => i.Id).ShouldBe(["Input_Contact", "Input_Contact-2", "Input_Contact-3"]);
        inputs.Where(i => i.HasAttribute("checked")).Select(i => i.GetAttribute("value")).ShouldBe(["phone"]);
        list.QuerySelector("label.govuk-label.govuk-radios__label[for='Input_Contact-2']")!.TextContent.ShouldBe("Phone");
        list.Children[2].ClassName.ShouldBe("govuk-radios__divider");
        list.Children[2].TextContent.ShouldBe("or");
        body.QuerySelector("govuk-radios, [inline], [small]").ShouldBeNull();
    }

    [Fact]
    public async Task Radios_with_error_and_page_heading_legend()
    {
        _page.Attempt("Input.Contact", "fax", "Select how to contact you");
        var radios = _page.Field(new GovUkRadiosTagHelper { LegendIsPageHeading = true, Items = [new("Email", "email"), new("Fax", "fax")] }, "Input.Contact");

        var body = await Dom(radios);

        body.QuerySelector(".govuk-form-group--error fieldset")!.GetAttribute("aria-describedby").ShouldBe("Input_Contact-error");
        body.QuerySelector("legend > h1.govuk-fieldset__heading")!.TextContent.ShouldBe("Contact");
        body.QuerySelector("input[checked]")!.GetAttribute("value").ShouldBe("fax");
        body.QuerySelector(".govuk-radios--inline").ShouldBeNull();
    }

    [Fact]
    public async Task Checkboxes_check_every_model_value()
    {
        _page.Model.Input.Needs = ["housing", "benefits"];
        var checkboxes = _page.Field(new GovUkCheckboxesTagHelper { Legend = "Needs", Items = Needs() }, "Input.Needs");

        var body = await Dom(checkboxes);

        body.QuerySelector("div.govuk-checkboxes")!.GetAttribute("data-module").ShouldBe("govuk-checkboxes");
        var inputs = body.QuerySelectorAll("input.govuk-checkboxes__input[type=checkbox][name='Input.Needs']");
        inputs.Select(i => i.Id).ShouldBe(["Input_Needs", "Input_Needs-2", "Input_Needs-3"]);
        inputs.Where(i => i.HasAttribute("checked")).Select(i => i.GetAttribute("value")).ShouldBe(["housing", "benefits"]);
        body.QuerySelector("label.govuk-checkboxes__label[for='Input_Needs-3']")!.TextContent.ShouldBe("Health");
    }

    [Fact]
    public async Task Checkboxes_echo_posted_values_over_the_model()
    {
        _page.Model.Input.Needs = ["housing"];
        _page.ModelState.SetModelValue("Input.Needs", new[] { "health", "benefits" }, "health,benefits");
        _page.ModelState.AddModelError("Input.Needs", "Too many");
        var checkboxes = _page.Field(new GovUkCheckboxesTagHelper { Items = Needs() }, "Input.Needs");

        var body = await Dom(checkboxes);

        body.QuerySelectorAll("input[checked]").Select(i => i.GetAttribute("value")).ShouldBe(["benefits", "health"]);
        body.QuerySelector("legend")!.TextContent.ShouldBe("Needs");
        body.QuerySelector("#Input_Needs-error")!.TextContent.ShouldBe("Error: Too many");
    }

    [Fact]
    public async Task Choices_encode_hostile_item_text_and_values()
    {
        var radios = _page.Field(new GovUkRadiosTagHelper { Legend = Hostile, Items = [new(Hostile, Hostile)] }, "Input.Contact");

        var html = await Html(radios);

        AssertEncoded(html);
        Parse(html).QuerySelector("input")!.GetAttribute("value").ShouldBe(Hostile.Replace('\0', '\uFFFD'));
    }

    [Fact]
    public async Task Date_input_renders_three_named_boxes_from_the_model()
    {
        _page.Model.Input.DateOfBirth = DateParts.From(new DateOnly(1980, 5, 17));
        var date = _page.Field(new GovUkDateInputTagHelper { Hint = "For example, 27 3 2007", LegendClass = "govuk-fieldset__legend--l" }, "Input.DateOfBirth");

        var body = await Dom(date);

        var fieldset = body.QuerySelector("fieldset.govuk-fieldset[role=group]")!;
        fieldset.GetAttribute("aria-describedby").ShouldBe("Input_DateOfBirth-hint");
        fieldset.QuerySelector("legend.govuk-fieldset__legend--l")!.TextContent.ShouldBe("Date of birth");
        body.QuerySelector("div.govuk-date-input")!.Id.ShouldBe("Input_DateOfBirth");
        var inputs = body.QuerySelectorAll(".govuk-date-input__item input.govuk-input.govuk-date-input__input[type=text][inputmode=numeric]");
        inputs.Select(i => i.Id).ShouldBe(["Input_DateOfBirth-day", "Input_DateOfBirth-month", "Input_DateOfBirth-year"]);
        inputs.Select(i => i.GetAttribute("name")).ShouldBe(["Input.DateOfBirth.Day", "Input.DateOfBirth.Month", "Input.DateOfBirth.Year"]);
        inputs.Select(i => i.GetAttribute("value")).ShouldBe(["17", "5", "1980"]);
        inputs[2].ClassList.ShouldContain("govuk-input--width-4");
        body.QuerySelector("label.govuk-date-input__label[for='Input_DateOfBirth-month']")!.TextContent.ShouldBe("Month");
        body.QuerySelectorAll(".govuk-input--error").ShouldBeEmpty();
    }

    [Fact]
    public async Task Date_input_echoes_attempted_parts_and_marks_every_box_for_a_whole_date_error()
    {
        _page.Attempt("Input.DateOfBirth.Day", "30");
        _page.Attempt("Input.DateOfBirth.Month", "2");
        _page.Attempt("Input.DateOfBirth.Year", "<b>2024</b>");
        _page.ModelState.AddModelError("Input.DateOfBirth", "Date of birth must be a real date");
        var date = _page.Field(new GovUkDateInputTagHelper(), "Input.DateOfBirth");

        var html = await Html(date);

        html.ShouldNotContain("<b>");
        var body = Parse(html);
        body.QuerySelector(".govuk-form-group--error fieldset")!.GetAttribute("aria-describedby").ShouldBe("Input_DateOfBirth-error");
        body.QuerySelector("#Input_DateOfBirth-error")!.TextContent.ShouldBe("Error: Date of birth must be a real date");
        body.QuerySelectorAll("input").Select(i => i.GetAttribute("value")).ShouldBe(["30", "2", "<b>2024</b>"]);
        body.QuerySelectorAll("input.govuk-input--error").Length.ShouldBe(3);
    }

    [Fact]
    public async Task Date_input_marks_only_the_part_in_error()
    {
        _page.Attempt("Input.DateOfBirth.Day", "1");
        _page.Attempt("Input.DateOfBirth.Month", "x", "Month must be a number");
        _page.Attempt("Input.DateOfBirth.Year", "2000");
        var date = _page.Field(new GovUkDateInputTagHelper(), "Input.DateOfBirth");

        var body = await Dom(date);

        body.QuerySelectorAll("input.govuk-input--error").Select(i => i.Id).ShouldBe(["Input_DateOfBirth-month"]);
        body.QuerySelector(".govuk-error-message")!.TextContent.ShouldBe("Error: Month must be a number");
    }

    internal static void AssertEncoded(string html)
    {
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("'x'");
        html.ShouldNotContain("\u202E");
        html.ShouldNotContain("\0");
        html.ShouldContain("{{7*7}}");
    }

    private static List<SelectListItem> Regions() => [new("North", "north"), new("South", "south")];

    private static List<SelectListItem> Needs() => [new("Housing", "housing"), new("Benefits", "benefits"), new("Health", "health")];
}
