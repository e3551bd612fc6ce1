using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Pages.Services;
using static Throughcare.Tests.Infrastructure.AppointmentTestData;

namespace Throughcare.Tests.Pages.Services;

/// <summary>/services/{serviceId}/appointments/figures: what became of a service's appointments, per worker and in total, and its CSV.</summary>
public sealed class AppointmentFiguresPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private const string March = "Period.From.Day=1&Period.From.Month=3&Period.From.Year=2026&Period.To.Day=31&Period.To.Month=3&Period.To.Year=2026";

    private async Task<EpisodeScenario> MarchAsync()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var appointments = new AppointmentTestData(factory);
        var closedAt = factory.UtcNow;
        void Closed(Appointment a, Attendance outcome) => (a.State, a.Outcome, a.ClosedAt) = (AppointmentState.Closed, outcome, closedAt);
        void Cancelled(Appointment a, CancelledBy by) => (a.State, a.CancelledBy, a.CancelledAt) = (AppointmentState.Cancelled, by, closedAt);
        void Practical(Appointment a) => (a.WorkerUserId, a.ServiceStrandId) = (scenario.PracticalWorker.Id, scenario.PracticalStrand.Id);

        // The first minute of March and the last of March in the UK (British Summer Time by then) are in; the first of April is not.
        await appointments.CreateAsync(scenario, Uk(new DateOnly(2026, 3, 1), 0, 0), a => Closed(a, Attendance.Attended));
        await appointments.CreateAsync(scenario, Uk(new DateOnly(2026, 3, 5), 10), a => Closed(a, Attendance.Late));
        await appointments.CreateAsync(scenario, Uk(new DateOnly(2026, 3, 10), 10), a => Closed(a, Attendance.DidNotAttend));
        await appointments.CreateAsync(scenario, Uk(new DateOnly(2026, 3, 12), 10), a => Cancelled(a, CancelledBy.Person));
        await appointments.CreateAsync(scenario, Uk(new DateOnly(2026, 3, 31), 23, 59));
        await appointments.CreateAsync(scenario, Uk(new DateOnly(2026, 4, 1), 0, 30), a => Closed(a, Attendance.Attended));
        await appointments.CreateAsync(scenario, Uk(new DateOnly(2026, 3, 20), 10), a => { Practical(a); Cancelled(a, CancelledBy.Service); });
        await appointments.CreateAsync(scenario, Uk(new DateOnly(2026, 3, 27), 10), a => { Practical(a); Closed(a, Attendance.Attended); });
        return scenario;
    }

    [Fact]
    public async Task Get_ForAPeriod_CountsEachWorkersAppointmentsByWhatBecameOfThem_AndTheCsvSaysTheSame()
    {
        var scenario = await MarchAsync();
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var path = $"/services/{scenario.Service.Id}/appointments/figures";

        var page = await browser.GetAsync($"{path}?{March}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#period")!.TextContent.ShouldBe("From 1 March 2026 to 31 March 2026");
        string[] Row(string id) => [.. page.Document.QuerySelector($"#figures tr[data-row='{id}']").ShouldNotBeNull().Children.Select(c => c.TextContent.Trim())];
        Row(scenario.EmotionalWorker.Id.ToString()).ShouldBe([scenario.EmotionalWorker.DisplayName, "5", "1", "1", "1", "1", "0", "1"]);
        Row(scenario.PracticalWorker.Id.ToString()).ShouldBe([scenario.PracticalWorker.DisplayName, "2", "1", "0", "0", "0", "1", "0"]);
        Row("total").ShouldBe(["Total", "7", "2", "1", "1", "1", "1", "1"]);

        var csv = await browser.Client.GetAsync(new Uri(page.Document.QuerySelector("#csv")!.GetAttribute("href")!, UriKind.Relative));
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var rows = CsvText.Read(await csv.Content.ReadAsStringAsync());
        rows[0].ShouldBe(AppointmentFiguresModel.Header);
        rows.Skip(1).ShouldBe([Row(scenario.EmotionalWorker.Id.ToString()), Row(scenario.PracticalWorker.Id.ToString()), Row("total")], ignoreOrder: true);
    }

    [Fact]
    public async Task Get_WithoutAPeriod_ShowsTheThreeWholeMonthsBeforeThisOne()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);

        var page = await (await Browser.SignInAsync(factory, scenario.Manager)).GetAsync($"/services/{scenario.Service.Id}/appointments/figures");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#period")!.TextContent.ShouldBe("From 1 March 2026 to 31 May 2026");
        page.Document.QuerySelector("[data-empty]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Get_WithAnImpossibleOrBackwardsPeriod_ShowsTheErrors()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var path = $"/services/{scenario.Service.Id}/appointments/figures";

        var impossible = await browser.GetAsync($"{path}?Period.From.Day=31&Period.From.Month=2&Period.From.Year=2026");
        impossible.Status.ShouldBe(HttpStatusCode.BadRequest);
        impossible.Document.AssertHasError("Period_From", "The start of the period must be a real date");
        impossible.Document.QuerySelector("#figures").ShouldBeNull();

        var backwards = await browser.GetAsync($"{path}?Period.From.Day=1&Period.From.Month=5&Period.From.Year=2026&Period.To.Day=1&Period.To.Month=4&Period.To.Year=2026");
        backwards.Status.ShouldBe(HttpStatusCode.BadRequest);
        backwards.Document.AssertHasError("Period_To", "The end of the period must be the same as or after the start");

        var csv = await browser.Client.GetAsync(new Uri($"{path}?handler=Csv&Period.To.Day=40&Period.To.Month=1&Period.To.Year=2026", UriKind.Relative));
        csv.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task Get_IsForTheServicesManagers_AndAWorkerNameASpreadsheetWouldRunIsWrittenAsText()
    {
        var scenario = await MarchAsync();
        var path = $"/services/{scenario.Service.Id}/appointments/figures?{March}";
        foreach (var refused in new[] { scenario.EmotionalWorker, scenario.Outsider })
        {
            (await (await Browser.SignInAsync(factory, refused)).GetAsync(path)).Status.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        }

        (await (await Browser.SignInAsync(factory, scenario.Outsider)).GetAsync(path)).Status.ShouldBe(HttpStatusCode.NotFound);
        var formula = "=HYPERLINK(\"http://evil.example\")";
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == scenario.PracticalWorker.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, formula)));

        var csv = await (await Browser.SignInAsync(factory, scenario.Manager)).Client.GetStringAsync(new Uri($"/services/{scenario.Service.Id}/appointments/figures?handler=Csv&{March}", UriKind.Relative));

        var names = CsvText.Read(csv).Select(r => r[0]).ToList();
        names.ShouldContain("'" + formula);
        names.ShouldNotContain(formula);
    }
}
