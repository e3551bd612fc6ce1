using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Pages.People;

/// <summary>The person's appointment reminder preference, reached from the person page.</summary>
public sealed class RemindersPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Fact]
    public async Task Post_ConsentByTextMessage_SavesIt_AuditsTheChange_AndThePersonPageShowsIt()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId, d => d with { Phone = "07700 900 982" });
        var browser = await Browser.SignInAsync(factory, user);
        var person = await browser.GetAsync($"/people/{personId}");
        person.Document.GetSummaryListValue("Appointment reminders").ShouldBe("Not recorded");
        person.Document.QuerySelector($"a[href='/people/{personId}/reminders']").ShouldNotBeNull();

        var saved = await browser.PostFormAsync($"/people/{personId}/reminders", new() { ["Input.Consents"] = "yes", ["Input.Channel"] = "text-message", ["Version"] = "" });

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        saved.Location.ShouldBe($"/people/{personId}");
        (await browser.GetAsync(saved.Location!)).Document.GetSummaryListValue("Appointment reminders").ShouldBe("Yes, by text message");
        var preference = await factory.WithDbAsync(db => db.ReminderPreferences.AsNoTracking().SingleAsync(p => p.PersonId == personId));
        (preference.Consents, preference.Channel, preference.RecordedByUserId).ShouldBe((true, ReminderChannel.TextMessage, user.Id));
        var audit = (await factory.AuditEventsAsync(personId, AuditActions.Update)).ShouldHaveSingleItem();
        audit.ShouldBeSuccessBy(user);
        (audit.RecordType, audit.EventType).ShouldBe((AuditRecordTypes.ReminderPreference, nameof(ReminderPreferenceChanged)));
        var changes = JsonDocument.Parse(audit.Details!).RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString(), c.GetProperty("from").GetString(), c.GetProperty("to").GetString())).ToList();
        changes.ShouldBe([("Agrees to appointment reminders", null, "Yes"), ("Reminded by", null, "Text message")]);
        var history = (await browser.GetAsync($"/people/{personId}/history")).Document.QuerySelector(".moj-timeline__item")!;
        history.QuerySelector(".moj-timeline__title").Text().ShouldBe("Appointment reminders changed");

        // Withdrawing consent is a change of its own, from the version the form shows.
        var form = (await browser.GetAsync($"/people/{personId}/reminders")).Document.FormFields();
        form["Version"].ShouldBe(preference.Version.ToString());
        (await browser.PostRawAsync($"/people/{personId}/reminders", form.With("Input.Consents", "no"))).Status.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync($"/people/{personId}")).Document.GetSummaryListValue("Appointment reminders").ShouldBe("No");
        (await factory.AuditEventsAsync(personId, AuditActions.Update)).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("text-message", ReminderPreferences.NoPhone)]
    [InlineData("email", ReminderPreferences.NoEmail)]
    [InlineData("", ReminderPreferences.ChooseChannel)]
    public async Task Post_ChannelWithoutItsAddressOrNoChannel_ShowsErrorAndSavesNothing(string channel, string message)
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.PostFormAsync($"/people/{personId}/reminders", new() { ["Input.Consents"] = "yes", ["Input.Channel"] = channel, ["Version"] = "" });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Channel", message);
        (await factory.WithDbAsync(db => db.ReminderPreferences.AnyAsync(p => p.PersonId == personId))).ShouldBeFalse();
    }

    [Fact]
    public async Task Post_StaleVersion_IsAConflict()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId, d => d with { Email = "person@example.test" });
        var browser = await Browser.SignInAsync(factory, user);
        var stale = (await browser.GetAsync($"/people/{personId}/reminders")).Document.FormFields();
        (await browser.PostRawAsync($"/people/{personId}/reminders", stale.With("Input.Consents", "yes").With("Input.Channel", "email"))).Status.ShouldBe(HttpStatusCode.Redirect);

        var page = await browser.PostRawAsync($"/people/{personId}/reminders", stale.With("Input.Consents", "no"));

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        (await factory.WithDbAsync(db => db.ReminderPreferences.SingleAsync(p => p.PersonId == personId))).Consents.ShouldBeTrue();
    }

    [Fact]
    public async Task GetAndPost_PersonFromAnotherOrganisation_ReturnNotFound()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var outsider = await _data.CreateStaffAsync(StaffRoles.Practitioner, StaffRoles.Manager);
        var personId = await _data.CreatePersonAsync(user.OrganisationId, d => d with { Email = "person@example.test" });
        var browser = await Browser.SignInAsync(factory, outsider);

        (await browser.GetAsync($"/people/{personId}/reminders")).Status.ShouldBe(HttpStatusCode.NotFound);
        var token = await browser.GetTokenAsync("/people");
        (await browser.PostRawAsync($"/people/{personId}/reminders", [new("Input.Consents", "yes"), new("Input.Channel", "email"), new("__RequestVerificationToken", token)]))
            .Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.WithDbAsync(db => db.ReminderPreferences.AnyAsync(p => p.PersonId == personId))).ShouldBeFalse();
    }
}
