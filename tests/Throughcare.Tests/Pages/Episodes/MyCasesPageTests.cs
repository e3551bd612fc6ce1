using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure.Web;
using static Throughcare.Tests.Pages.Episodes.CaseloadTestData;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/my-cases: a practitioner's own open episodes, what is due, the last contact, flags and capacity.</summary>
public sealed class MyCasesPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task MyCases_ShowsTheWorkersEpisodeWithNextDueLastContactFlagsAndCapacity()
    {
        var scenario = await WorryingEpisodeAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync("/my-cases");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var row = page.Document.QuerySelector($"#caseload tr[data-episode='{scenario.Episode.Id}']").ShouldNotBeNull();
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        var today = factory.Today;
        cells[3].ShouldBe($"Action: {Display.Date(today.AddDays(-1))}");
        row.QuerySelector("a")!.GetAttribute("href").ShouldBe(scenario.Path);
        cells[4].ShouldNotBe("None yet");
        cells[5].ShouldContain("At risk");
        cells[5].ShouldContain("3 did-not-attends in a row");
        cells[5].ShouldContain("Review due");
        cells[5].ShouldContain("1 overdue action");
        page.Document.GetSummaryListValue(scenario.Service.Name).ShouldBe($"1 of {scenario.Service.CaseloadCapacity} cases");
        page.Document.QuerySelector("#summary")!.TextContent.ShouldContain("1 at risk of disengagement");
    }

    [Fact]
    public async Task MyCases_ForSomeoneWithNoStrands_ShowsTheEmptyState_AndClosedEpisodesAreLeftOff()
    {
        var scenario = await WorryingEpisodeAsync(factory);
        var colleague = await Browser.SignInAsync(factory, scenario.Colleague);
        (await colleague.GetAsync("/my-cases")).Html.ShouldContain("You have no open episodes");

        await factory.WithDbAsync(async db =>
        {
            (await db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id)).State = EpisodeState.Closed;
            return await db.SaveChangesAsync();
        });
        var worker = await Browser.SignInAsync(factory, scenario.PracticalWorker);
        (await worker.GetAsync("/my-cases")).Document.QuerySelector($"tr[data-episode='{scenario.Episode.Id}']").ShouldBeNull();
    }

    [Fact]
    public async Task MyCases_IsNotForTheDataProtectionOfficer()
    {
        var scenario = await WorryingEpisodeAsync(factory);

        (await (await Browser.SignInAsync(factory, scenario.Dpo)).GetAsync("/my-cases")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task MyCases_NextDueIsTheNextBookedAppointment_AndAppointmentsLeftOpenADayAreOverdue()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var appointments = new AppointmentTestData(factory);
        var today = factory.Today;
        await appointments.CreateAsync(scenario, factory.UtcNow.AddDays(-2));
        await appointments.CreateAsync(scenario, factory.UtcNow.AddHours(-3));
        await appointments.CreateAsync(scenario, AppointmentTestData.Uk(today.AddDays(1), 9), a => (a.State, a.CancelledBy) = (AppointmentState.Cancelled, CancelledBy.Service));
        await appointments.CreateAsync(scenario, AppointmentTestData.Uk(today.AddDays(3), 9));
        await appointments.CreateAsync(scenario, AppointmentTestData.Uk(today.AddDays(10), 9));
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync("/my-cases");

        var cells = page.Document.QuerySelector($"#caseload tr[data-episode='{scenario.Episode.Id}']").ShouldNotBeNull()
            .QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        cells[3].ShouldBe($"Appointment: {Display.Date(today.AddDays(3))}");
        cells[5].ShouldContain("1 overdue appointment");
        cells[5].ShouldNotContain("overdue appointments");
    }

    [Fact]
    public async Task MyCases_CountsAppointmentsLeftOverdueAsMissed_InTheAtRiskRule()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active, s => s.AtRiskMissedInARow = 3);
        var appointments = new AppointmentTestData(factory);
        await factory.WithDbAsync(db =>
        {
            db.Contacts.Add(new Contact
            {
                Id = Guid.NewGuid(),
                EpisodeId = scenario.Episode.Id,
                ServiceStrandId = scenario.EmotionalStrand.Id,
                OccurredAt = factory.UtcNow.AddDays(-6),
                Mode = ContactMode.FaceToFace,
                Attendance = Attendance.DidNotAttend,
                RecordedAt = factory.UtcNow,
                RecordedByUserId = scenario.EmotionalWorker.Id,
            });
            return db.SaveChangesAsync();
        });
        await appointments.CreateAsync(scenario, factory.UtcNow.AddDays(-4));
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        string Flags(Page page) => page.Document.QuerySelector($"#caseload tr[data-episode='{scenario.Episode.Id}']").ShouldNotBeNull().QuerySelectorAll("td")[5].TextContent;

        Flags(await browser.GetAsync("/my-cases")).ShouldNotContain("At risk");

        // Neither an appointment still awaiting closing nor one the person cancelled counts as missed.
        await appointments.CreateAsync(scenario, factory.UtcNow.AddHours(-2));
        await appointments.CreateAsync(scenario, factory.UtcNow.AddDays(-3), a => (a.State, a.CancelledBy) = (AppointmentState.Cancelled, CancelledBy.Person));
        Flags(await browser.GetAsync("/my-cases")).ShouldNotContain("At risk");

        await appointments.CreateAsync(scenario, factory.UtcNow.AddDays(-2));
        var flags = Flags(await browser.GetAsync("/my-cases"));
        flags.ShouldContain("At risk");
        flags.ShouldContain("3 did-not-attends in a row");
    }
}
