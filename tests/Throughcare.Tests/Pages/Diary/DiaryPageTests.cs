using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;
using static Throughcare.Tests.Infrastructure.AppointmentTestData;

namespace Throughcare.Tests.Pages.Diary;

/// <summary>/diary, /diary/{userId} and /diary/team/{teamId}: a worker's and a team's appointments, day and week, in UK days.</summary>
public sealed class DiaryPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly EpisodeTestData _episodes = new(factory);
    private readonly AppointmentTestData _appointments = new(factory);

    private static List<string> Cells(IElement row) =>
        row.QuerySelectorAll("td").Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();

    private static IElement Row(Page page, Appointment appointment) =>
        page.Document.QuerySelector($"tr[data-appointment='{appointment.Id}']").ShouldNotBeNull($"appointment {appointment.StartsAt:O} is not listed");

    [Fact]
    public async Task Get_OwnDiary_ShowsTodaysAppointmentsWithTimeLengthPersonPlaceOthersAndState_AndRecordsTheRead()
    {
        var scenario = await _episodes.CreateScenarioAsync(EpisodeState.Active);
        var today = factory.Today;
        var booked = await _appointments.CreateAsync(scenario, Uk(today, 14, 30), a =>
        {
            (a.DurationMinutes, a.Place, a.PlaceDetail) = (90, AppointmentPlace.Prison, "HMP Brixton");
            (a.SecondWorkerUserId, a.Interpreter) = (scenario.PracticalWorker.Id, "Amira Haddad");
        });
        var cancelled = await _appointments.CreateAsync(scenario, Uk(today, 16, 0), a => (a.State, a.CancelledBy, a.CancelledAt) = (AppointmentState.Cancelled, CancelledBy.Person, factory.UtcNow));
        var tomorrow = await _appointments.CreateAsync(scenario, Uk(today.AddDays(1), 9, 0));
        var name = await _appointments.PersonNameAsync(scenario.PersonId);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync("/diary");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var cells = Cells(Row(page, booked));
        cells[0].ShouldBe("2:30pm");
        cells[1].ShouldBe("1 hour 30 minutes");
        cells[2].ShouldBe(name);
        cells[3].ShouldBe("Prison HMP Brixton");
        cells[4].ShouldBe($"{scenario.PracticalWorker.DisplayName}; Interpreter: Amira Haddad");
        cells[5].ShouldBe("Booked");
        Row(page, booked).QuerySelector("td a")!.GetAttribute("href").ShouldBe($"/episodes/{scenario.Episode.Id}/appointments/{booked.Id}");
        Row(page, booked).QuerySelectorAll("td a")[1].GetAttribute("href").ShouldBe($"/people/{scenario.PersonId}");
        Cells(Row(page, cancelled))[5].ShouldBe("Cancelled by the person");
        page.Document.QuerySelector($"tr[data-appointment='{tomorrow.Id}']").ShouldBeNull();
        page.Document.QuerySelector("#next")!.GetAttribute("href").ShouldBe($"/diary?view=day&date={today.AddDays(1):yyyy-MM-dd}");

        var reads = await factory.AuditEventsAsync(scenario.PersonId, AuditActions.View);
        reads.ShouldContain(r => r.UserId == scenario.EmotionalWorker.Id && r.Purpose == DiaryReader.Purpose);
    }

    [Fact]
    public async Task Get_AsTheSecondWorker_ListsTheAppointmentWithTheWorker_AndPastOnesAwaitClosingOrAreOverdueOrClosed()
    {
        var scenario = await _episodes.CreateScenarioAsync(EpisodeState.Active);
        var now = factory.UtcNow;
        var withPractical = await _appointments.CreateAsync(scenario, now.AddHours(-2), a => a.SecondWorkerUserId = scenario.PracticalWorker.Id);
        var overdue = await _appointments.CreateAsync(scenario, now.AddDays(-1).AddHours(-1));
        var closed = await _appointments.CreateAsync(scenario, now.AddDays(-2), a => (a.State, a.Outcome, a.ClosedAt) = (AppointmentState.Closed, Attendance.DidNotAttend, now));
        var practical = await Browser.SignInAsync(factory, scenario.PracticalWorker);
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await practical.GetAsync("/diary");
        var cells = Cells(Row(page, withPractical));
        cells[4].ShouldBe(scenario.EmotionalWorker.DisplayName);
        cells[5].ShouldBe("Awaits closing");

        var week = await worker.GetAsync($"/diary?view=week&date={factory.Today:yyyy-MM-dd}");
        Cells(Row(week, overdue))[5].ShouldBe("Overdue");
        Cells(Row(week, closed))[5].ShouldBe("Closed Did not attend");

        var toClose = await worker.GetAsync("/diary?show=awaiting-closing");
        toClose.Document.QuerySelectorAll("tr[data-appointment]").Select(r => r.GetAttribute("data-appointment")).ShouldBe([overdue.Id.ToString(), withPractical.Id.ToString()]);
    }

    [Fact]
    public async Task Get_WeekAcrossTheChangeToSummerTime_PutsEachAppointmentOnItsUkDayAtItsUkTime()
    {
        var scenario = await _episodes.CreateScenarioAsync(EpisodeState.Active);
        var sunday = new DateOnly(2026, 3, 29);
        var beforeChange = await _appointments.CreateAsync(scenario, Uk(sunday, 0, 30));
        var afterChange = await _appointments.CreateAsync(scenario, Uk(sunday, 10, 0));
        var mondayEarly = await _appointments.CreateAsync(scenario, Uk(sunday.AddDays(1), 0, 30));
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        afterChange.StartsAt.ShouldBe(new DateTime(2026, 3, 29, 9, 0, 0, DateTimeKind.Utc));
        mondayEarly.StartsAt.ShouldBe(new DateTime(2026, 3, 29, 23, 30, 0, DateTimeKind.Utc));
        var week = await browser.GetAsync("/diary?view=week&date=2026-03-25");

        week.Document.QuerySelector("#period")!.TextContent.ShouldBe("Week from 23 March 2026 to 29 March 2026");
        var sundayTable = week.Document.QuerySelectorAll("table.app-diary").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith("Sunday 29 March 2026", StringComparison.Ordinal));
        sundayTable.QuerySelectorAll("tr[data-appointment]").Select(r => r.GetAttribute("data-appointment")).ShouldBe([beforeChange.Id.ToString(), afterChange.Id.ToString()]);
        Cells(Row(week, beforeChange))[0].ShouldBe("12:30am");
        Cells(Row(week, afterChange))[0].ShouldBe("10:00am");
        week.Document.QuerySelector($"tr[data-appointment='{mondayEarly.Id}']").ShouldBeNull();
        week.Document.QuerySelector("#next")!.GetAttribute("href").ShouldBe("/diary?view=week&date=2026-03-30");

        var monday = await browser.GetAsync("/diary?view=day&date=2026-03-30");
        Cells(Row(monday, mondayEarly))[0].ShouldBe("12:30am");
    }

    [Fact]
    public async Task Get_DaysAcrossTheChangeFromSummerTime_PutsEachAppointmentOnItsUkDay()
    {
        var scenario = await _episodes.CreateScenarioAsync(EpisodeState.Active);
        var sunday = new DateOnly(2026, 10, 25);
        var earlySunday = await _appointments.CreateAsync(scenario, Uk(sunday, 0, 30));
        var saturday = await _appointments.CreateAsync(scenario, Uk(sunday.AddDays(-1), 9, 0));
        var nextMonday = await _appointments.CreateAsync(scenario, Uk(sunday.AddDays(1), 9, 0));
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        earlySunday.StartsAt.ShouldBe(new DateTime(2026, 10, 24, 23, 30, 0, DateTimeKind.Utc));
        nextMonday.StartsAt.ShouldBe(new DateTime(2026, 10, 26, 9, 0, 0, DateTimeKind.Utc));
        var sundayPage = await browser.GetAsync("/diary?date=2026-10-25");
        Cells(Row(sundayPage, earlySunday))[0].ShouldBe("12:30am");
        sundayPage.Document.QuerySelector($"tr[data-appointment='{saturday.Id}']").ShouldBeNull();
        (await browser.GetAsync("/diary?date=2026-10-24")).Document.QuerySelector($"tr[data-appointment='{earlySunday.Id}']").ShouldBeNull();

        var week = await browser.GetAsync("/diary?view=week&date=2026-10-25");
        Cells(Row(week, saturday))[0].ShouldBe("9:00am");
        week.Document.QuerySelector($"tr[data-appointment='{nextMonday.Id}']").ShouldBeNull();
        Cells(Row(await browser.GetAsync("/diary?view=week&date=2026-10-26"), nextMonday))[0].ShouldBe("9:00am");
    }

    [Fact]
    public async Task Get_EmptyDay_SaysSo()
    {
        var scenario = await _episodes.CreateScenarioAsync(EpisodeState.Active);
        var page = await (await Browser.SignInAsync(factory, scenario.Colleague)).GetAsync("/diary");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("[data-empty]")!.TextContent.ShouldBe("No appointments.");
        page.Document.QuerySelector("h1")!.TextContent.ShouldBe("Your diary");
    }

    [Fact]
    public async Task Get_AnotherWorkersDiary_IsForTheirOrganisationsManagers_AndAnyoneElseFindsNothing()
    {
        var scenario = await _episodes.CreateScenarioAsync(EpisodeState.Active);
        var appointment = await _appointments.CreateAsync(scenario, Uk(factory.Today, 11, 0));
        var name = await _appointments.PersonNameAsync(scenario.PersonId);
        var path = $"/diary/{scenario.EmotionalWorker.Id}";

        var manager = await (await Browser.SignInAsync(factory, scenario.Manager)).GetAsync(path);
        manager.Status.ShouldBe(HttpStatusCode.OK);
        manager.Document.QuerySelector("h1")!.TextContent.ShouldBe($"{scenario.EmotionalWorker.DisplayName}'s diary");
        Cells(Row(manager, appointment))[2].ShouldBe(name);
        (await factory.AuditEventsAsync(scenario.PersonId, AuditActions.View)).ShouldContain(r => r.UserId == scenario.Manager.Id && r.Purpose == DiaryReader.Purpose);

        foreach (var stranger in new[] { scenario.Colleague, scenario.PracticalWorker, scenario.Outsider, scenario.Referrer })
        {
            var refused = await (await Browser.SignInAsync(factory, stranger)).GetAsync(path);
            refused.Status.ShouldBe(HttpStatusCode.NotFound, stranger.DisplayName);
            refused.Html.ShouldNotContain(name);
        }

        var denials = await factory.WithDbAsync(db => db.AuditEvents.Where(a => a.RecordId == scenario.EmotionalWorker.Id.ToString() && a.Action == AuditActions.AccessDenied).ToListAsync());
        denials.Select(d => d.UserId).ShouldBe([scenario.Colleague.Id, scenario.PracticalWorker.Id, scenario.Outsider.Id, scenario.Referrer.Id], ignoreOrder: true);
        (await factory.AuditEventsAsync(scenario.PersonId, AuditActions.View)).ShouldNotContain(r => r.UserId == scenario.Outsider.Id);

        (await (await Browser.SignInAsync(factory, scenario.Dpo)).GetAsync(path)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await (await Browser.SignInAsync(factory, scenario.Manager)).GetAsync($"/diary/{Guid.NewGuid()}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_Diary_NeverListsAnAppointmentWhoseEpisodeTheReaderMayNotSee()
    {
        var scenario = await _episodes.CreateScenarioAsync(EpisodeState.Active);
        var elsewhere = await _episodes.CreateScenarioAsync(EpisodeState.Active);
        var hidden = await _appointments.CreateAsync(elsewhere, Uk(factory.Today, 12, 0), a => a.SecondWorkerUserId = scenario.EmotionalWorker.Id);
        var shown = await _appointments.CreateAsync(scenario, Uk(factory.Today, 13, 0));
        var hiddenName = await _appointments.PersonNameAsync(elsewhere.PersonId);

        var page = await (await Browser.SignInAsync(factory, scenario.EmotionalWorker)).GetAsync("/diary");

        Row(page, shown);
        page.Document.QuerySelector($"tr[data-appointment='{hidden.Id}']").ShouldBeNull();
        page.Html.ShouldNotContain(hiddenName);
        (await factory.AuditEventsAsync(elsewhere.PersonId, AuditActions.View)).ShouldNotContain(r => r.UserId == scenario.EmotionalWorker.Id);
    }

    [Fact]
    public async Task Get_TeamDiary_ListsEachMembersAppointmentsWorkerByWorker_ForTheOrganisationsManagersOnly()
    {
        var scenario = await _episodes.CreateScenarioAsync(EpisodeState.Active);
        var team = new Team { Id = Guid.NewGuid(), OrganisationId = scenario.Service.OrganisationId, Name = TestData.Unique("Forensic outreach"), CreatedAt = factory.UtcNow };
        await factory.WithDbAsync(async db =>
        {
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            var members = new[] { scenario.EmotionalWorker.Id, scenario.PracticalWorker.Id };
            return await db.Users.Where(u => members.Contains(u.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.TeamId, team.Id));
        });
        var emotional = await _appointments.CreateAsync(scenario, Uk(factory.Today, 9, 0));
        var practical = await _appointments.CreateAsync(scenario, Uk(factory.Today.AddDays(1), 15, 0), a => (a.WorkerUserId, a.ServiceStrandId) = (scenario.PracticalWorker.Id, scenario.PracticalStrand.Id));
        var path = $"/diary/team/{team.Id}";

        var week = await (await Browser.SignInAsync(factory, scenario.Manager)).GetAsync($"{path}?view=week&date={factory.Today:yyyy-MM-dd}");

        week.Status.ShouldBe(HttpStatusCode.OK);
        var emotionalSection = week.Document.QuerySelector($"section[data-worker='{scenario.EmotionalWorker.Id}']").ShouldNotBeNull();
        emotionalSection.QuerySelector($"tr[data-appointment='{emotional.Id}']").ShouldNotBeNull();
        emotionalSection.QuerySelector($"tr[data-appointment='{practical.Id}']").ShouldBeNull();
        week.Document.QuerySelector($"section[data-worker='{scenario.PracticalWorker.Id}'] tr[data-appointment='{practical.Id}']").ShouldNotBeNull();
        var day = await (await Browser.SignInAsync(factory, scenario.Manager)).GetAsync(path);
        day.Document.QuerySelector($"tr[data-appointment='{practical.Id}']").ShouldBeNull();
        day.Document.QuerySelector($"[data-empty='{scenario.PracticalWorker.Id}']").ShouldNotBeNull();

        (await (await Browser.SignInAsync(factory, scenario.EmotionalWorker)).GetAsync(path)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await (await Browser.SignInAsync(factory, scenario.Outsider)).GetAsync(path)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await (await Browser.SignInAsync(factory, scenario.Manager)).GetAsync("/diary")).Document.QuerySelector("#teams")!.TextContent.ShouldContain(team.Name);
    }
}
