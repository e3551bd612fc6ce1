using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.Episodes.Appointments.AppointmentForms;

namespace Throughcare.Tests.Pages.Episodes.Appointments;

/// <summary>/episodes/{id}/appointments/new: booking one appointment or a repeating series, with clashes warned of.</summary>
public sealed class BookAppointmentPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Get_StartsWithTheUserAsWorker_OnTheirOwnStrand()
    {
        var scenario = await CreateAsync(factory);
        var page = await (await Browser.SignInAsync(factory, scenario.PracticalWorker)).GetAsync(scenario.Path + "/appointments/new");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("input[name='Input.StrandId'][checked]")!.GetAttribute("value").ShouldBe(scenario.PracticalStrand.Id.ToString());
        page.Document.QuerySelector("select[name='Input.WorkerUserId'] option[selected]")!.GetAttribute("value").ShouldBe(scenario.PracticalWorker.Id.ToString());
    }

    [Fact]
    public async Task Post_Valid_BooksItInUkTime_AuditsIt_AndListsItAsUpcoming()
    {
        var scenario = await CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var interpreter = TestData.Unique("Ana Silva");
        var response = await browser.PostFormAsync(scenario.Path + "/appointments/new", BookForm(scenario, f => f["Input.Interpreter"] = interpreter));

        response.Status.ShouldBe(HttpStatusCode.Redirect, response.Html);
        var appointment = await factory.WithDbAsync(db => db.Appointments.SingleAsync(a => a.EpisodeId == scenario.Episode.Id));
        response.Location.ShouldBe($"{scenario.Path}/appointments/{appointment.Id}");
        appointment.StartsAt.ShouldBe(new DateTime(2026, 7, 30, 13, 30, 0, DateTimeKind.Utc), "14:30 in British Summer Time");
        (appointment.DurationMinutes, appointment.Place, appointment.PlaceDetail, appointment.Interpreter, appointment.State, appointment.PersonId)
            .ShouldBe((60, AppointmentPlace.ServiceLocation, "Hope Street", interpreter, AppointmentState.Booked, scenario.PersonId));
        var row = (await factory.EpisodeEventsAsync<AppointmentBooked>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.Appointment, appointment.Id, AuditActions.Create, scenario, scenario.EmotionalWorker);
        row.Event<AppointmentBooked>().Appointment.StartsAt.ShouldBe(appointment.StartsAt);

        (await browser.GetAsync(response.Location!)).Banner().ShouldBe("Appointment booked");
        var list = await browser.GetAsync(scenario.Path + "/appointments");
        list.Document.QuerySelectorAll("#upcoming tbody tr").Length.ShouldBe(1);
        list.Document.QuerySelector("#upcoming").Text().ShouldContain(Display.DateTime(appointment.StartsAt));
    }

    [Fact]
    public async Task Post_SameSubmissionTwice_BooksOnce()
    {
        var scenario = await CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var form = BookForm(scenario);

        (await browser.PostFormAsync(scenario.Path + "/appointments/new", form)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await browser.PostFormAsync(scenario.Path + "/appointments/new", form)).Status.ShouldBe(HttpStatusCode.Redirect);

        (await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.EpisodeId == scenario.Episode.Id))).ShouldBe(1);
    }

    /// <summary>Changes to the valid form as "field=value" pairs separated by "|", the field whose error shows, and the message.</summary>
    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Input.Date.Month=2", "Input_Date", "Date of the appointment must be a real date" },
        { "Input.Date.Year=2025", "Input_Date", "Date of the appointment must be today or in the future" },
        { "Input.Date.Day=28|Input.Date.Month=3|Input.Date.Year=2027|Input.Time=01:30", "Input_Time", "The time of the appointment must be a real time in the UK on that date" },
        { "Input.Time=25:00", "Input_Time", "Enter the time of the appointment as 24-hour time, like 14:30" },
        { "Input.DurationMinutes=0", "Input_DurationMinutes", "Length must be between 1 and 600 minutes" },
        { "Input.DurationMinutes=601", "Input_DurationMinutes", "Length must be between 1 and 600 minutes" },
        { "Input.Repeat=Weekly", "Input_LastDate", "Enter the last date of the series" },
        { "Input.Repeat=Weekly|Input.LastDate.Day=5|Input.LastDate.Month=8|Input.LastDate.Year=2027", "Input_LastDate", "A series can have at most 52 appointments: choose an earlier last date" },
        { "Input.Repeat=Fortnightly|Input.LastDate.Day=30|Input.LastDate.Month=7|Input.LastDate.Year=2026", "Input_LastDate", "Last date must be after the date of the first appointment" },
        { "Input.Repeat=Weekly|Input.LastDate.Day=20|Input.LastDate.Month=8|Input.LastDate.Year=2026|Input.SkipDates=7/8/2026", "Input_SkipDates", "7 August 2026 is not one of the dates in the series" },
        { "Input.SecondWorkerUserId=worker", "Input_SecondWorkerUserId", "The second worker must be someone other than the worker" },
        { "Input.PlaceDetail=a\u0007b", "Input_PlaceDetail", "Place details must not contain hidden control characters" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Post_BadInput_ShowsTheError_AndBooksNothing(string changes, string fieldId, string message)
    {
        var scenario = await CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(scenario.Path + "/appointments/new", BookForm(scenario, f =>
        {
            foreach (var change in changes.Split('|'))
            {
                var (field, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                f[field] = value == "worker" ? scenario.EmotionalWorker.Id.ToString() : value;
            }
        }));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(fieldId, message);
        (await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Post_Clash_WarnsOfIt_ThenBookAnywayBooks()
    {
        var scenario = await CreateAsync(factory);
        var interpreter = TestData.Unique("Ana Silva");
        var other = await SeedAsync(factory, scenario, AheadAt("15:00"), a => a.Interpreter = interpreter);
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);
        var form = BookForm(scenario, f =>
        {
            f["Input.StrandId"] = scenario.PracticalStrand.Id.ToString();
            f["Input.WorkerUserId"] = scenario.PracticalWorker.Id.ToString();
            f["Input.Interpreter"] = interpreter.ToUpperInvariant();
        });

        var warned = await browser.PostFormAsync(scenario.Path + "/appointments/new", form);

        warned.Status.ShouldBe(HttpStatusCode.OK);
        var clash = warned.Document.QuerySelector("#clash-list").Text();
        clash.ShouldContain($"Interpreter {interpreter}");
        clash.ShouldContain(Display.DateTime(other.StartsAt));
        warned.Document.QuerySelector("#book-anyway").ShouldNotBeNull();
        (await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.EpisodeId == scenario.Episode.Id))).ShouldBe(1);

        form["Input.SecondWorkerUserId"] = scenario.EmotionalWorker.Id.ToString();
        var again = await browser.PostFormAsync(scenario.Path + "/appointments/new", form);
        again.Document.QuerySelector("#clash-list").Text().ShouldContain(scenario.EmotionalWorker.DisplayName);

        form["BookAnyway"] = "true";
        (await browser.PostFormAsync(scenario.Path + "/appointments/new", form)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.EpisodeId == scenario.Episode.Id))).ShouldBe(2);
    }

    [Fact]
    public async Task Post_WeeklySeries_WithASkippedDate_KeepsTheUkTimeAcrossBothClockChanges()
    {
        var scenario = await CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var autumn = await browser.PostFormAsync(scenario.Path + "/appointments/new", BookForm(scenario, f =>
        {
            SetDate(f, "Input.Date", new DateOnly(2026, 10, 14));
            f["Input.Time"] = "10:00";
            f["Input.Repeat"] = nameof(RepeatRule.Weekly);
            SetDate(f, "Input.LastDate", new DateOnly(2026, 11, 4));
            f["Input.SkipDates"] = "28/10/2026";
        }));
        var spring = await browser.PostFormAsync(scenario.Path + "/appointments/new", BookForm(scenario, f =>
        {
            SetDate(f, "Input.Date", new DateOnly(2027, 3, 17));
            f["Input.Time"] = "10:00";
            f["Input.Repeat"] = nameof(RepeatRule.Fortnightly);
            SetDate(f, "Input.LastDate", new DateOnly(2027, 4, 14));
        }));

        autumn.Status.ShouldBe(HttpStatusCode.Redirect, autumn.Html);
        spring.Status.ShouldBe(HttpStatusCode.Redirect, spring.Html);
        autumn.Location.ShouldBe(scenario.Path + "/appointments");
        var booked = await factory.WithDbAsync(db => db.Appointments.Where(a => a.EpisodeId == scenario.Episode.Id).OrderBy(a => a.StartsAt).ToListAsync());
        booked.Select(a => a.StartsAt).ShouldBe(
        [
            new DateTime(2026, 10, 14, 9, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 10, 21, 9, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 11, 4, 10, 0, 0, DateTimeKind.Utc),
            new DateTime(2027, 3, 17, 10, 0, 0, DateTimeKind.Utc),
            new DateTime(2027, 3, 31, 9, 0, 0, DateTimeKind.Utc),
            new DateTime(2027, 4, 14, 9, 0, 0, DateTimeKind.Utc),
        ]);
        booked.Select(a => Display.ToLondon(a.StartsAt).Hour).Distinct().ShouldBe([10]);
        var series = await factory.WithDbAsync(db => db.AppointmentSeries.Where(s => s.EpisodeId == scenario.Episode.Id).OrderBy(s => s.FirstDate).ToListAsync());
        series.Count.ShouldBe(2);
        (series[0].Rule, series[0].FirstDate, series[0].LastDate).ShouldBe((RepeatRule.Weekly, new DateOnly(2026, 10, 14), new DateOnly(2026, 11, 4)));
        series[0].Exceptions.ShouldBe([new DateOnly(2026, 10, 28)]);
        booked.Take(3).ShouldAllBe(a => a.SeriesId == series[0].Id);
        (await factory.EpisodeEventsAsync<AppointmentBooked>(scenario)).Count.ShouldBe(6);
        (await browser.GetAsync(autumn.Location!)).Banner().ShouldBe("3 appointments booked");
    }

    [Fact]
    public async Task Post_WeeklySeriesThroughTheSpringGap_NamesTheDateThatHasNoSuchTime()
    {
        var scenario = await CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(scenario.Path + "/appointments/new", BookForm(scenario, f =>
        {
            SetDate(f, "Input.Date", new DateOnly(2027, 3, 21));
            f["Input.Time"] = "01:30";
            f["Input.Repeat"] = nameof(RepeatRule.Weekly);
            SetDate(f, "Input.LastDate", new DateOnly(2027, 4, 4));
        }));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Time", "01:30 is not a real time in the UK on 28 March 2027: skip that date or choose another time");
    }

    [Fact]
    public async Task ReferrerAndOutsider_GetNotFound_AndTheDpoMayNotBook()
    {
        var scenario = await CreateAsync(factory);
        var appointment = await SeedAsync(factory, scenario, AheadAt());

        await factory.ShouldFindNothingAsync(scenario, [scenario.Referrer, scenario.Outsider],
            "/appointments", "/appointments/new", $"/appointments/{appointment.Id}", $"/appointments/{appointment.Id}/reschedule", $"/appointments/{appointment.Id}/cancel");
        var dpo = await Browser.SignInAsync(factory, scenario.Dpo);
        (await dpo.GetAsync($"{scenario.Path}/appointments/{appointment.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        (await dpo.GetAsync($"{scenario.Path}/appointments/new")).Status.ShouldBe(HttpStatusCode.NotFound);

        var elsewhere = await CreateAsync(factory);
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await worker.GetAsync($"{elsewhere.Path}/appointments/{appointment.Id}")).Status.ShouldBe(HttpStatusCode.NotFound, "an appointment under an episode it does not belong to");
    }
}
