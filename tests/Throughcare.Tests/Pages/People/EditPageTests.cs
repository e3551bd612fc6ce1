using System.Net;
using System.Text.Json;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Pages.People;

public sealed class EditPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Fact]
    public async Task Get_ShowsTheSavedDetailsAndAuditsTheView()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId, d => d with { GivenName = "Yaw", Phone = "020 7946 0000" });
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync($"/people/{personId}/edit");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.InputValue("Input.GivenName").ShouldBe("Yaw");
        page.Document.InputValue("Input.Phone").ShouldBe("020 7946 0000");
        page.Document.InputValue("Input.DateOfBirth.Year").ShouldBe("1985");
        page.Document.InputValue("Version").ShouldBe((await factory.FindPersonAsync(personId))!.Version.ToString());
        (await factory.AuditEventsAsync(personId, AuditActions.View)).ShouldHaveSingleItem().ShouldBeSuccessBy(user);
    }

    [Fact]
    public async Task Post_Change_SavesItAndShowsItInHistoryAsFieldFromTo()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId);
        var browser = await Browser.SignInAsync(factory, user);
        var form = (await browser.GetAsync($"/people/{personId}/edit")).Document.FormFields();

        var saved = await browser.PostRawAsync($"/people/{personId}/edit", form.With("Input.Phone", "07700 900 982").With("Input.Borough", "hackney"));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        saved.Location.ShouldBe($"/people/{personId}");
        (await browser.GetAsync(saved.Location!)).Document.QuerySelector(".govuk-notification-banner__heading").Text().ShouldBe("Changes saved");
        var person = (await factory.FindPersonAsync(personId))!;
        person.Details.Phone.ShouldBe("07700 900 982");
        person.Details.Borough.ShouldBe("hackney");
        person.Version.ToString().ShouldNotBe(form["Version"]);

        var audit = (await factory.AuditEventsAsync(personId, AuditActions.Update)).ShouldHaveSingleItem();
        audit.ShouldBeSuccessBy(user);
        var changes = JsonDocument.Parse(audit.Details!).RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString(), c.GetProperty("from").GetString(), c.GetProperty("to").GetString())).ToList();
        changes.ShouldBe([("Phone", null, "07700 900 982"), ("Borough", null, "hackney")], ignoreOrder: true);

        var history = await browser.GetAsync($"/people/{personId}/history");
        var latest = history.Document.QuerySelector(".moj-timeline__item")!;
        latest.QuerySelector(".moj-timeline__title").Text().ShouldBe("Details changed");
        var rows = latest.QuerySelectorAll("tbody tr").Select(r => (r.Children[0].Text(), r.Children[1].Text(), r.Children[2].Text())).ToList();
        rows.ShouldBe([("Phone", "(blank)", "07700 900 982"), ("Borough", "(blank)", "Hackney")], ignoreOrder: true);
    }

    [Fact]
    public async Task Post_Invalid_ShowsErrorAndChangesNothing()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId);
        var before = (await factory.FindPersonAsync(personId))!;
        var browser = await Browser.SignInAsync(factory, user);
        var form = (await browser.GetAsync($"/people/{personId}/edit")).Document.FormFields();

        var page = await browser.PostRawAsync($"/people/{personId}/edit", form.With("Input.GivenName", "").With("Input.DateOfBirth.Day", "30").With("Input.DateOfBirth.Month", "2"));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_GivenName", "Enter a first name");
        page.Document.AssertHasError("Input_DateOfBirth", "Date of birth must be a real date");
        var after = (await factory.FindPersonAsync(personId))!;
        after.Details.ShouldBe(before.Details);
        after.Version.ShouldBe(before.Version);
        (await factory.AuditEventsAsync(personId, AuditActions.Update)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsConflictWithBothVersionsKeepsYourInputAndSavesNothing()
    {
        var first = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var second = await _data.CreateUserAsync(first.OrganisationId, StaffRoles.Manager);
        var personId = await _data.CreatePersonAsync(first.OrganisationId);
        var (firstEditor, secondEditor) = (await Browser.SignInAsync(factory, first), await Browser.SignInAsync(factory, second));
        var firstForm = (await firstEditor.GetAsync($"/people/{personId}/edit")).Document.FormFields();
        var secondForm = (await secondEditor.GetAsync($"/people/{personId}/edit")).Document.FormFields();
        (await firstEditor.PostRawAsync($"/people/{personId}/edit", firstForm.With("Input.Phone", "020 7946 0001"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var saved = (await factory.FindPersonAsync(personId))!;

        var page = await secondEditor.PostRawAsync($"/people/{personId}/edit", secondForm.With("Input.Phone", "020 7946 0002").With("Input.Email", "yaw@example.com"));

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        page.Html.ShouldContain("Someone else changed this record while you were editing it");
        var rows = page.Document.QuerySelectorAll("tbody tr").Select(r => (r.Children[0].Text(), r.Children[1].Text(), r.Children[2].Text())).ToList();
        rows.ShouldBe([("Phone", "020 7946 0001", "020 7946 0002"), ("Email", "", "yaw@example.com")], ignoreOrder: true);
        page.Document.InputValue("Input.Phone").ShouldBe("020 7946 0002");
        page.Document.InputValue("Input.Email").ShouldBe("yaw@example.com");
        page.Document.InputValue("Version").ShouldBe(saved.Version.ToString());

        var after = (await factory.FindPersonAsync(personId))!;
        after.Details.ShouldBe(saved.Details);
        after.Version.ShouldBe(saved.Version);
        (await factory.AuditEventsAsync(personId, AuditActions.Update)).ShouldHaveSingleItem().ShouldBeSuccessBy(first);
        (await factory.AuditEventsAsync(personId, AuditActions.View)).Count(a => a.UserId == second.Id).ShouldBe(2);
    }

    [Fact]
    public async Task Post_StaleVersionAHundredTimes_ConflictsEveryTimeAndOverwritesNothing()
    {
        var first = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var second = await _data.CreateUserAsync(first.OrganisationId, StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(first.OrganisationId);
        var (firstEditor, secondEditor) = (await Browser.SignInAsync(factory, first), await Browser.SignInAsync(factory, second));
        var url = $"/people/{personId}/edit";

        for (var round = 0; round < 100; round++)
        {
            var firstForm = (await firstEditor.GetAsync(url)).Document.FormFields();
            var secondForm = (await secondEditor.GetAsync(url)).Document.FormFields();
            var theirs = $"020 7946 {round:D4}";

            (await firstEditor.PostRawAsync(url, firstForm.With("Input.Phone", theirs))).Status.ShouldBe(HttpStatusCode.Redirect, $"round {round}");
            var page = await secondEditor.PostRawAsync(url, secondForm.With("Input.Phone", "07700 900 000"));

            page.Status.ShouldBe(HttpStatusCode.Conflict, $"round {round}");
            page.Document.InputValue("Input.Phone").ShouldBe("07700 900 000", $"round {round}");
            (await factory.FindPersonAsync(personId))!.Details.Phone.ShouldBe(theirs, $"round {round}");
        }

        var updates = await factory.AuditEventsAsync(personId, AuditActions.Update);
        updates.Count.ShouldBe(100);
        updates.ShouldAllBe(a => a.UserId == first.Id);
    }
}
