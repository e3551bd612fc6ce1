using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Episodes;
using static Throughcare.Tests.Pages.Episodes.Appointments.AppointmentForms;

namespace Throughcare.Tests.Pages.People;

/// <summary>
/// Appointments with a person outside any episode (liaison and diversion, a hub's drop-in): booked on a strand of the
/// user's own organisation, seen and worked by that organisation alone, closed with their attendance.
/// </summary>
public sealed class PersonAppointmentPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private static string PathOf(EpisodeScenario scenario) => $"/people/{scenario.PersonId}/appointments";

    private Task<Appointment> SeedOutsideAsync(EpisodeScenario scenario, DateTime startsAt) =>
        new AppointmentTestData(factory).CreateAsync(scenario, startsAt, a => a.EpisodeId = null);

    private Task<List<AuditEvent>> EventsAsync<TEvent>(Guid appointmentId)
        where TEvent : AuditedEvent =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.AggregateId == appointmentId && a.EventType == typeof(TEvent).Name).ToListAsync());

    [Fact]
    public async Task Book_OutsideAnEpisode_ItsOrganisationSeesIt_TheReferrerAndOutsidersDoNot_NorItsHistory()
    {
        var scenario = await CreateAsync(factory);
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var form = await worker.GetAsync(PathOf(scenario) + "/new");
        form.Status.ShouldBe(HttpStatusCode.OK);
        form.Document.QuerySelectorAll("input[name='Input.StrandId']").Select(i => i.GetAttribute("value"))
            .ShouldBe(scenario.Service.Strands.Select(s => s.Id.ToString()), ignoreOrder: true);
        var booked = await worker.PostFormAsync(PathOf(scenario) + "/new", BookForm(scenario));

        booked.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", booked.Document.ErrorSummary()));
        var saved = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PersonId == scenario.PersonId));
        booked.Location.ShouldBe($"{PathOf(scenario)}/{saved.Id}");
        (saved.EpisodeId, saved.OrganisationId, saved.ServiceStrandId, saved.StartsAt).ShouldBe((null, scenario.Service.OrganisationId, scenario.EmotionalStrand.Id, AheadAt()));
        var row = (await EventsAsync<PersonAppointmentBooked>(saved.Id)).ShouldHaveSingleItem();
        (row.RecordId, row.PersonId, row.UserId, row.Action).ShouldBe((saved.Id.ToString(), scenario.PersonId, scenario.EmotionalWorker.Id, AuditActions.Create));
        var view = await worker.GetAsync(booked.Location!);
        view.Banner().ShouldBe("Appointment booked");
        view.Document.GetSummaryListValue("Place").ShouldBe("Service location: Hope Street");
        var list = await worker.GetAsync(PathOf(scenario));
        list.Document.QuerySelector($"#upcoming tr[data-appointment='{saved.Id}']").Text().ShouldContain("Outside an episode");
        (await worker.GetAsync($"/people/{scenario.PersonId}/history")).Html.ShouldContain("Appointment booked");

        // The referrer holds a care role with the person, but the appointment is the service's own work: not in its list,
        // not at its address, not in the history it reads. An organisation with no role finds none of it.
        var referrer = await Browser.SignInAsync(factory, scenario.Referrer);
        var theirs = await referrer.GetAsync(PathOf(scenario));
        theirs.Status.ShouldBe(HttpStatusCode.OK);
        theirs.Document.QuerySelector($"tr[data-appointment='{saved.Id}']").ShouldBeNull();
        (await referrer.GetAsync(booked.Location!)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await referrer.GetAsync($"/people/{scenario.PersonId}/history")).Html.ShouldNotContain("Appointment booked");
        var outsider = await Browser.SignInAsync(factory, scenario.Outsider);
        foreach (var path in new[] { PathOf(scenario), PathOf(scenario) + "/new", booked.Location!, booked.Location + "/reschedule", booked.Location + "/close" })
        {
            (await outsider.GetAsync(path)).Status.ShouldBe(HttpStatusCode.NotFound, path);
        }

        // Under another person's address it is not found either: the person in the route must be its person.
        var elsewhere = await CreateAsync(factory);
        (await worker.GetAsync($"/people/{elsewhere.PersonId}/appointments/{saved.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Book_StrandOfAnotherOrganisation_IsRefused_AndTheDpoMayNotBook()
    {
        var scenario = await CreateAsync(factory);
        var other = await CreateAsync(factory);
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await worker.PostFormAsync(PathOf(scenario) + "/new", BookForm(scenario, f => f["Input.StrandId"] = other.EmotionalStrand.Id.ToString()));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_StrandId", "Select one of your organisation's strands of support");
        var dpo = await Browser.SignInAsync(factory, scenario.Dpo);
        (await dpo.GetAsync(PathOf(scenario) + "/new")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.PersonId == scenario.PersonId))).ShouldBe(0);
    }

    [Fact]
    public async Task Reschedule_Cancel_AndClose_WithAttendance_EachAudited()
    {
        var scenario = await CreateAsync(factory);
        var ahead = await SeedOutsideAsync(scenario, AheadAt());
        var past = await SeedOutsideAsync(scenario, factory.UtcNow.AddHours(-2));
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var aheadPath = $"{PathOf(scenario)}/{ahead.Id}";
        var pastPath = $"{PathOf(scenario)}/{past.Id}";
        var move = new Dictionary<string, string> { ["Version"] = ahead.Version.ToString(), ["Input.Time"] = "09:15", ["Input.DurationMinutes"] = "30", ["Input.Reason"] = "The court list moved" };
        SetDate(move, "Input.Date", Ahead.AddDays(1));

        (await worker.PostFormAsync(aheadPath + "/reschedule", move)).Location.ShouldBe(aheadPath);
        var moved = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == ahead.Id));
        (moved.StartsAt, moved.DurationMinutes).ShouldBe((new DateTime(2026, 7, 31, 8, 15, 0, DateTimeKind.Utc), 30));
        (await EventsAsync<PersonAppointmentRescheduled>(ahead.Id)).ShouldHaveSingleItem().Event<PersonAppointmentRescheduled>().Reason.ShouldBe("The court list moved");
        (await worker.PostFormAsync(aheadPath + "/reschedule", move)).Status.ShouldBe(HttpStatusCode.Conflict, "a second save at the version it replaced");

        // An appointment still to come cannot be closed; one whose time has passed asks for its attendance.
        var early = await worker.PostFormAsync(aheadPath + "/close", new() { ["Version"] = moved.Version.ToString(), ["Outcome"] = nameof(Attendance.Attended) });
        early.Status.ShouldBe(HttpStatusCode.BadRequest);
        early.Document.ErrorSummary().ShouldBe([PersonAppointments.NotDueMessage]);
        (await worker.GetAsync(pastPath)).Document.QuerySelector("#close-appointment").ShouldNotBeNull();
        var blank = await worker.PostFormAsync(pastPath + "/close", new() { ["Version"] = past.Version.ToString() });
        blank.Document.AssertHasError("Outcome", PersonAppointments.CloseMessage);
        (await worker.PostFormAsync(pastPath + "/close", new() { ["Version"] = past.Version.ToString(), ["Outcome"] = nameof(Attendance.DidNotAttend) })).Location.ShouldBe(pastPath);
        var closed = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == past.Id));
        (closed.State, closed.Outcome, closed.ContactId, closed.ClosedByUserId).ShouldBe((AppointmentState.Closed, Attendance.DidNotAttend, null, scenario.EmotionalWorker.Id));
        (await EventsAsync<PersonAppointmentClosed>(past.Id)).ShouldHaveSingleItem().Event<PersonAppointmentClosed>().Outcome.ShouldBe(Attendance.DidNotAttend);
        (await worker.GetAsync(pastPath)).Document.GetSummaryListValue("Closed").ShouldStartWith("Did not attend");

        // The data protection officer reads it and changes nothing; the worker cancels it.
        var dpo = await Browser.SignInAsync(factory, scenario.Dpo);
        (await dpo.GetAsync(aheadPath)).Status.ShouldBe(HttpStatusCode.OK);
        var cancel = new Dictionary<string, string> { ["Version"] = moved.Version.ToString(), ["Input.CancelledBy"] = nameof(CancelledBy.Person), ["Input.Reason"] = "Remanded to another court" };
        (await dpo.GetAsync(aheadPath + "/cancel")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await worker.PostFormAsync(aheadPath + "/cancel", cancel)).Location.ShouldBe(aheadPath);
        var cancelled = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == ahead.Id));
        (cancelled.State, cancelled.CancelledBy, cancelled.CancellationReason).ShouldBe((AppointmentState.Cancelled, CancelledBy.Person, "Remanded to another court"));
        (await EventsAsync<PersonAppointmentCancelled>(ahead.Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Diary_ListsIt_LinkingToItsOwnPage_AndTheFiguresCountIt()
    {
        var scenario = await CreateAsync(factory);
        var today = factory.Today;
        var appointment = await SeedOutsideAsync(scenario, AppointmentTestData.Uk(today, 23, 0));
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var diary = await worker.GetAsync($"/diary?view=day&date={today:yyyy-MM-dd}");

        var link = diary.Document.QuerySelector($"tr[data-appointment='{appointment.Id}'] a")?.GetAttribute("href");
        link.ShouldBe($"{PathOf(scenario)}/{appointment.Id}");
        var manager = await Browser.SignInAsync(factory, scenario.Manager);
        var figures = await manager.GetAsync($"/services/{scenario.Service.Id}/appointments/figures?Period.From.Day={today.Day}&Period.From.Month={today.Month}&Period.From.Year={today.Year}&Period.To.Day={today.Day}&Period.To.Month={today.Month}&Period.To.Year={today.Year}");
        figures.Status.ShouldBe(HttpStatusCode.OK);
        figures.Document.QuerySelector("#figures tr[data-row='total']").ShouldNotBeNull().Children[1].Text().ShouldBe("1", "offered: the appointment outside an episode, on the service's strand");
    }
}
