using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.Episodes.Appointments.AppointmentForms;

namespace Throughcare.Tests.Pages.Episodes.Appointments;

/// <summary>Rescheduling, cancelling and closing an appointment as a contact.</summary>
public sealed class ChangeAppointmentPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private static Dictionary<string, string> RescheduleForm(Guid version, DateOnly date, string time, string reason = "The person starts work that day")
    {
        var fields = new Dictionary<string, string> { ["Version"] = version.ToString(), ["Input.Time"] = time, ["Input.DurationMinutes"] = "30", ["Input.Reason"] = reason };
        SetDate(fields, "Input.Date", date);
        return fields;
    }

    [Fact]
    public async Task Reschedule_MovesIt_TheAuditKeepsTheEarlierTime_AndItIsRemindedOfAgain()
    {
        var scenario = await CreateAsync(factory);
        var appointment = await SeedAsync(factory, scenario, AheadAt(), a => a.ReminderQueuedAt = factory.UtcNow);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var path = $"{scenario.Path}/appointments/{appointment.Id}";

        var response = await browser.PostFormAsync(path + "/reschedule", RescheduleForm(appointment.Version, Ahead.AddDays(1), "09:15"));

        response.Status.ShouldBe(HttpStatusCode.Redirect, response.Html);
        response.Location.ShouldBe(path);
        var saved = await factory.WithDbAsync(db => db.Appointments.SingleAsync(a => a.Id == appointment.Id));
        (saved.StartsAt, saved.DurationMinutes).ShouldBe((new DateTime(2026, 7, 31, 8, 15, 0, DateTimeKind.Utc), 30));
        saved.Version.ShouldNotBe(appointment.Version);
        saved.ReminderQueuedAt.ShouldBeNull();
        var row = (await factory.EpisodeEventsAsync<AppointmentRescheduled>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.Appointment, appointment.Id, AuditActions.Update, scenario, scenario.EmotionalWorker);
        var moved = row.Event<AppointmentRescheduled>();
        (moved.FromStartsAt, moved.FromDurationMinutes, moved.ToStartsAt, moved.Reason).ShouldBe((appointment.StartsAt, 45, saved.StartsAt, "The person starts work that day"));
        (await browser.GetAsync(path)).Banner().ShouldBe("Appointment rescheduled");
    }

    [Fact]
    public async Task Reschedule_StaleVersion_AnswersConflict_AndChangesNothing()
    {
        var scenario = await CreateAsync(factory);
        var appointment = await SeedAsync(factory, scenario, AheadAt());
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var path = $"{scenario.Path}/appointments/{appointment.Id}";
        (await browser.PostFormAsync(path + "/reschedule", RescheduleForm(appointment.Version, Ahead.AddDays(1), "09:15"))).Status.ShouldBe(HttpStatusCode.Redirect);

        var stale = await browser.PostFormAsync(path + "/reschedule", RescheduleForm(appointment.Version, Ahead.AddDays(2), "11:00"));
        var staleCancel = await browser.PostFormAsync(path + "/cancel", new Dictionary<string, string>
        {
            ["Version"] = appointment.Version.ToString(),
            ["Input.CancelledBy"] = nameof(CancelledBy.Service),
            ["Input.Reason"] = "Worker ill",
        });

        stale.Status.ShouldBe(HttpStatusCode.Conflict);
        staleCancel.Status.ShouldBe(HttpStatusCode.Conflict);
        var saved = await factory.WithDbAsync(db => db.Appointments.SingleAsync(a => a.Id == appointment.Id));
        (saved.StartsAt, saved.State).ShouldBe((new DateTime(2026, 7, 31, 8, 15, 0, DateTimeKind.Utc), AppointmentState.Booked));
    }

    [Fact]
    public async Task Reschedule_WithoutAReason_IsRefused()
    {
        var scenario = await CreateAsync(factory);
        var appointment = await SeedAsync(factory, scenario, AheadAt());
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync($"{scenario.Path}/appointments/{appointment.Id}/reschedule", RescheduleForm(appointment.Version, Ahead, "10:00", ""));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Reason", "Enter why the appointment is moving");
    }

    [Fact]
    public async Task Cancel_OneOfASeries_RecordsWhoAndWhy_SkipsItsDate_AndCannotBeChangedAgain()
    {
        var scenario = await CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await browser.PostFormAsync(scenario.Path + "/appointments/new", BookForm(scenario, f =>
        {
            f["Input.Repeat"] = nameof(RepeatRule.Weekly);
            SetDate(f, "Input.LastDate", Ahead.AddDays(14));
        }))).Status.ShouldBe(HttpStatusCode.Redirect);
        var second = await factory.WithDbAsync(db => db.Appointments.Where(a => a.EpisodeId == scenario.Episode.Id).OrderBy(a => a.StartsAt).Skip(1).FirstAsync());
        var path = $"{scenario.Path}/appointments/{second.Id}";

        var missing = await browser.PostFormAsync(path + "/cancel", new Dictionary<string, string> { ["Version"] = second.Version.ToString(), ["Input.Reason"] = "" });
        var response = await browser.PostFormAsync(path + "/cancel", new Dictionary<string, string>
        {
            ["Version"] = second.Version.ToString(),
            ["Input.CancelledBy"] = nameof(CancelledBy.Person),
            ["Input.Reason"] = "Has a hospital appointment",
        });

        missing.Status.ShouldBe(HttpStatusCode.BadRequest);
        missing.Document.AssertHasError("Input_CancelledBy", "Select who cancelled the appointment");
        missing.Document.AssertHasError("Input_Reason", "Enter why the appointment was cancelled");
        response.Status.ShouldBe(HttpStatusCode.Redirect, response.Html);
        var saved = await factory.WithDbAsync(db => db.Appointments.SingleAsync(a => a.Id == second.Id));
        (saved.State, saved.CancelledBy, saved.CancellationReason, saved.CancelledByUserId).ShouldBe((AppointmentState.Cancelled, CancelledBy.Person, "Has a hospital appointment", scenario.EmotionalWorker.Id));
        (await factory.WithDbAsync(db => db.AppointmentSeries.SingleAsync(s => s.Id == second.SeriesId))).Exceptions.ShouldBe([Ahead.AddDays(7)]);
        var row = (await factory.EpisodeEventsAsync<AppointmentCancelled>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.Appointment, second.Id, AuditActions.Update, scenario, scenario.EmotionalWorker);
        row.Event<AppointmentCancelled>().CancelledBy.ShouldBe(CancelledBy.Person);

        var view = await browser.GetAsync(path);
        view.Document.GetSummaryListValue("State").ShouldBe("Cancelled");
        view.Document.QuerySelector("#reschedule").ShouldBeNull();
        var again = await browser.PostFormAsync(path + "/reschedule", RescheduleForm(saved.Version, Ahead, "10:00"));
        again.Document.ErrorSummary().ShouldContain(AppointmentService.NotBookedMessage);
        (await factory.WithDbAsync(db => db.Appointments.SingleAsync(a => a.Id == second.Id))).StartsAt.ShouldBe(second.StartsAt);
    }

    [Fact]
    public async Task CloseAsContact_PrefillsTheContactForm_AndSavingItClosesTheAppointment()
    {
        var scenario = await CreateAsync(factory);
        var appointment = await SeedAsync(factory, scenario, TestTime.Start.UtcDateTime.AddHours(-26));
        var future = await SeedAsync(factory, scenario, AheadAt());
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var path = $"{scenario.Path}/appointments/{appointment.Id}";

        var list = await browser.GetAsync(scenario.Path + "/appointments");
        list.Document.QuerySelector($"#past tr[data-appointment='{appointment.Id}']").Text().ShouldContain("Overdue");
        (await browser.GetAsync($"{scenario.Path}/appointments/{future.Id}")).Document.QuerySelector("#close-as-contact").ShouldBeNull();
        (await browser.GetAsync(path)).Document.QuerySelector("#close-as-contact").ShouldNotBeNull();

        var form = await browser.GetAsync($"{scenario.Path}/contacts/new?appointmentId={appointment.Id}&attendance=Late");

        form.Status.ShouldBe(HttpStatusCode.OK);
        string? Value(string name) => form.Document.QuerySelector($"input[name='{name}']")?.GetAttribute("value");
        string? Checked(string name) => form.Document.QuerySelector($"input[name='{name}'][checked]")?.GetAttribute("value");
        var date = Display.LondonDate(appointment.StartsAt);
        (Value("Input.Date.Day"), Value("Input.Time"), Value("Input.DurationMinutes"), Value("AppointmentId"))
            .ShouldBe((date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), ContactInput.LondonTime(appointment.StartsAt), "45", appointment.Id.ToString()));
        (Checked("Input.Mode"), Checked("Input.StrandId"), Checked("Input.Attendance"))
            .ShouldBe((nameof(ContactMode.HomeVisit), scenario.EmotionalStrand.Id.ToString(), nameof(Attendance.Late)));

        var fields = form.Document.QuerySelectorAll("form[method='post'] input[type='hidden'], form[method='post'] input[type='text'], form[method='post'] input[checked]")
            .Where(i => i.GetAttribute("name") is { } name && name != "__RequestVerificationToken")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var saved = await browser.PostFormAsync($"{scenario.Path}/contacts/new", fields);

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        saved.Location.ShouldBe(path);
        var contact = await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.EpisodeId == scenario.Episode.Id));
        (contact.OccurredAt, contact.Mode, contact.Attendance).ShouldBe((appointment.StartsAt, ContactMode.HomeVisit, Attendance.Late));
        var closed = await factory.WithDbAsync(db => db.Appointments.SingleAsync(a => a.Id == appointment.Id));
        (closed.State, closed.ContactId, closed.Outcome, closed.ClosedByUserId).ShouldBe((AppointmentState.Closed, contact.Id, Attendance.Late, scenario.EmotionalWorker.Id));
        closed.ClosedAt.ShouldNotBeNull();
        (await factory.EpisodeEventsAsync<AppointmentClosed>(scenario)).ShouldHaveSingleItem().ShouldBeAbout(AuditRecordTypes.Appointment, appointment.Id, AuditActions.Update, scenario, scenario.EmotionalWorker);
        var view = await browser.GetAsync(path);
        view.Document.GetSummaryListValue("State").ShouldBe("Closed");
        view.Document.QuerySelector("#close-as-contact").ShouldBeNull();

        fields["SubmissionId"] = Guid.NewGuid().ToString();
        var twice = await browser.PostFormAsync($"{scenario.Path}/contacts/new", fields);
        twice.Document.ErrorSummary().ShouldNotBeEmpty();
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.EpisodeId == scenario.Episode.Id))).ShouldBe(1, "a closed appointment is not closed again, and the contact is not recorded");
    }

    [Fact]
    public async Task CloseAsContact_AnotherEpisodesAppointment_IsNotFound()
    {
        var scenario = await CreateAsync(factory);
        var elsewhere = await CreateAsync(factory);
        var appointment = await SeedAsync(factory, elsewhere, factory.UtcNow.AddHours(-2));

        var page = await (await Browser.SignInAsync(factory, scenario.EmotionalWorker)).GetAsync($"{scenario.Path}/contacts/new?appointmentId={appointment.Id}&attendance=Attended");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
