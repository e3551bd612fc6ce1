using System.Net;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Appointments;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Tests.Pages.Account;

/// <summary>A worker's calendar feed: made on their account page, served anonymously with initials and place alone, revocable.</summary>
public sealed class CalendarFeedTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Feed_ServesTheWorkersAppointmentsInTheWindow_WithInitialsAndPlaceOnly_AndAuditsTheRead()
    {
        var s = await AppointmentRows.ScenarioAsync(factory);
        var worker = s.EmotionalWorker;
        var now = factory.UtcNow;
        var prison = await AppointmentRows.AddAsync(factory, s, now.AddDays(2));
        var home = await AppointmentRows.AddAsync(factory, s, now.AddDays(3), place: AppointmentPlace.Home, placeDetail: null, workerUserId: s.PracticalWorker.Id, secondWorkerUserId: worker.Id);
        var cancelled = await AppointmentRows.AddAsync(factory, s, now.AddDays(-3), AppointmentState.Cancelled);
        await AppointmentRows.AddAsync(factory, s, now.AddDays(-35));
        await AppointmentRows.AddAsync(factory, s, now.AddDays(27 * 7));
        await AppointmentRows.AddAsync(factory, s, now.AddDays(4), workerUserId: s.PracticalWorker.Id);
        var browser = await Browser.SignInAsync(factory, worker);
        (await browser.GetAsync("/account")).Document.GetSummaryListValue("Calendar feed").ShouldBe("Off");

        var address = await MakeAddressAsync(browser);

        var feed = await Browser.Anonymous(factory).Client.GetAsync(new Uri(address));
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var text = await feed.Content.ReadAsStringAsync();
        var events = Calendar.Load(text)!.Events.OrderBy(e => e.Start!.AsUtc).ToList();
        events.Select(e => e.Uid).ShouldBe([$"{cancelled.Id}@throughcare", $"{prison.Id}@throughcare", $"{home.Id}@throughcare"]);
        events.Select(e => e.Summary).ShouldBe(["Appointment: J.S., prison visit", "Appointment: J.S., prison visit", "Appointment: J.S., home visit"]);
        events.Select(e => e.Location).ShouldBe(["HMP Brixton", "HMP Brixton", null]);
        events.Select(e => e.Status).ShouldBe(["CANCELLED", "CONFIRMED", "CONFIRMED"]);
        (events[1].Start!.AsUtc, events[1].End!.AsUtc).ShouldBe((DateTime.SpecifyKind(prison.StartsAt, DateTimeKind.Utc), DateTime.SpecifyKind(prison.StartsAt.AddHours(1), DateTimeKind.Utc)));
        foreach (var secret in new[] { "Jordan", "Secretname", AppointmentRows.Crn, s.Service.Name, "Unwell" })
        {
            text.ShouldNotContain(secret, Case.Insensitive);
        }

        var read = (await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.PersonId == s.PersonId && a.Action == AuditActions.View && a.Purpose == "calendar feed").ToListAsync())).ShouldHaveSingleItem();
        (read.UserId, read.OrganisationId, read.RecordType).ShouldBe(((Guid?)worker.Id, (Guid?)worker.OrganisationId, AuditRecordTypes.Person));
        (await browser.GetAsync("/account")).Document.GetSummaryListValue("Calendar feed").ShouldBe("On");
    }

    [Fact]
    public async Task OnlyTheHashIsKept_AndARevokedOrReplacedAddressAnswersNotFound()
    {
        var s = await AppointmentRows.ScenarioAsync(factory);
        var browser = await Browser.SignInAsync(factory, s.EmotionalWorker);
        var anonymous = Browser.Anonymous(factory).Client;
        var first = await MakeAddressAsync(browser);
        var token = first[(first.LastIndexOf('/') + 1)..^".ics".Length];
        var stored = await factory.WithDbAsync(db => db.CalendarFeeds.AsNoTracking().SingleAsync(f => f.UserId == s.EmotionalWorker.Id));
        stored.TokenHash.ShouldBe(CalendarFeeds.Hash(token));
        stored.TokenHash.ShouldNotContain(token);
        (await browser.GetAsync("/account/calendar")).Html.ShouldNotContain(token);

        var second = await MakeAddressAsync(browser);
        (await anonymous.GetAsync(new Uri(first))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(new Uri(second))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoked = await browser.PostFormAsync("/account/calendar?handler=Revoke", [], formPage: "/account/calendar");
        revoked.Status.ShouldBe(HttpStatusCode.Redirect);
        (await anonymous.GetAsync(new Uri(second))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync("/account")).Document.GetSummaryListValue("Calendar feed").ShouldBe("Off");
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.CalendarFeed && a.UserId == s.EmotionalWorker.Id)))
            .ShouldBe(4, "two made, two revoked");
    }

    [Fact]
    public async Task Feed_KeepsToItsWindowsEdges_ListsAppointmentsOutsideAnEpisode_AndEndsWithTheAccount()
    {
        var s = await AppointmentRows.ScenarioAsync(factory);
        var now = factory.UtcNow;
        var earliest = now - CalendarFeedEndpoint.Behind;
        var latest = now + CalendarFeedEndpoint.Ahead;
        var first = await AppointmentRows.AddAsync(factory, s, earliest.AddMinutes(2));
        await AppointmentRows.AddAsync(factory, s, earliest.AddMinutes(-2));
        var last = await AppointmentRows.AddAsync(factory, s, latest.AddMinutes(-2));
        await AppointmentRows.AddAsync(factory, s, latest.AddMinutes(2));
        var court = await AppointmentRows.AddAsync(factory, s, now.AddDays(1), place: AppointmentPlace.Court, placeDetail: "Camberwell Green");
        await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == court.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.EpisodeId, (Guid?)null)));
        var address = new Uri(await MakeAddressAsync(await Browser.SignInAsync(factory, s.EmotionalWorker)));
        var anonymous = Browser.Anonymous(factory).Client;

        var events = Calendar.Load(await anonymous.GetStringAsync(address))!.Events.OrderBy(e => e.Start!.AsUtc).ToList();

        events.Select(e => e.Uid).ShouldBe([$"{first.Id}@throughcare", $"{court.Id}@throughcare", $"{last.Id}@throughcare"]);
        events[1].Summary.ShouldBe("Appointment: J.S., court");
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == s.EmotionalWorker.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, factory.UtcNow)));
        (await anonymous.GetAsync(address)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a disabled account's feed ends with it");
    }

    [Theory]
    [InlineData("/calendar/not-a-token.ics")]
    [InlineData("/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")]
    public async Task UnknownAddress_AnswersNotFound(string url) =>
        (await Browser.Anonymous(factory).Client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    private static async Task<string> MakeAddressAsync(Browser browser)
    {
        var made = await browser.PostFormAsync("/account/calendar?handler=Create", [], formPage: "/account/calendar");
        made.Status.ShouldBe(HttpStatusCode.OK, made.Html);
        var address = made.Document.QuerySelector("[data-calendar-address]").Text();
        address.ShouldStartWith("https://localhost/calendar/");
        return address;
    }
}
