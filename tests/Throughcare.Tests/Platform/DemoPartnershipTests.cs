using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Demo;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Platform;

/// <summary>A host with the demo partnership seeded, as `dotnet run` starts it.</summary>
public sealed class DemoFactory : ThroughcareFactory
{
    public const string Password = "Demo-Partnership-Test-2026";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Throughcare:Demo:Enabled"] = "true",
        ["Throughcare:Demo:Password"] = Password,
    };
}

public sealed class DemoPartnershipTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private static TestUser Demo(string account) => new(Guid.Empty, $"{account}@{DemoPartnership.EmailDomain}", DemoFactory.Password, Guid.Empty);

    [Fact]
    public async Task Practitioner_FindsTheDemoEpisodeOnMyCases_AtRisk()
    {
        var browser = await Browser.SignInAsync(factory, Demo("practitioner"));

        var page = await browser.GetAsync("/my-cases");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var row = page.Document.QuerySelectorAll("#caseload tbody tr").ShouldHaveSingleItem();
        row.TextContent.ShouldContain("Daniel Mensah");
        row.TextContent.ShouldContain("At risk");
        row.TextContent.ShouldContain("1 overdue action");
    }

    [Fact]
    public async Task DemoEpisode_IsOpenToItsTeam_AndItsReferrerSeesItsStateOnly()
    {
        var episodeId = await factory.WithDbAsync(db => db.Episodes.Where(e => e.State == EpisodeState.Active).Select(e => e.Id).SingleAsync());
        var contacts = await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.EpisodeId == episodeId));
        contacts.ShouldBe(7);

        var manager = await Browser.SignInAsync(factory, Demo("manager"));
        (await manager.GetAsync($"/episodes/{episodeId}")).Document.GetSummaryListValue("State").ShouldBe(EpisodeStates.Label(EpisodeState.Active));

        var probation = await Browser.SignInAsync(factory, Demo("probation"));
        var page = await probation.GetAsync($"/episodes/{episodeId}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#strands").ShouldBeNull();
    }

    [Fact]
    public async Task DemoWeek_HasYesterdaysMissedSessionToClose_AWeeklySeries_APrisonVisitBeforeRelease_AndACourtAppointmentOutsideAnEpisode()
    {
        var appointments = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().ToListAsync());
        var workers = await factory.WithDbAsync(db => db.Users.Where(u => u.Email!.EndsWith(DemoPartnership.EmailDomain)).ToDictionaryAsync(u => u.Id, u => u.Email!));
        var now = factory.UtcNow;

        appointments.Count.ShouldBe(13);

        // Nadia's court appointment with Leon tomorrow is outside any episode, on the trust's liaison strand.
        var court = appointments.Where(a => a.EpisodeId is null).ShouldHaveSingleItem();
        (court.Place, workers[court.WorkerUserId]).ShouldBe((AppointmentPlace.Court, $"liaison@{DemoPartnership.EmailDomain}"));
        Display.LondonDate(court.StartsAt).ShouldBe(factory.Today.AddDays(1));
        var toClose = appointments.Where(a => AppointmentDue.AwaitsClosing(a, now)).ShouldHaveSingleItem();
        workers[toClose.WorkerUserId].ShouldStartWith("practitioner@");
        Display.LondonDate(toClose.StartsAt).ShouldBe(factory.Today.AddDays(-1));
        var weekly = appointments.Where(a => a.SeriesId is not null).Select(a => Display.LondonDate(a.StartsAt)).Order().ToList();
        weekly.Count.ShouldBe(8);
        weekly.Zip(weekly.Skip(1)).ShouldAllBe(pair => pair.Second.DayNumber - pair.First.DayNumber == 7);
        var visit = appointments.Where(a => a.Place == AppointmentPlace.Prison).ShouldHaveSingleItem();
        visit.StartsAt.ShouldBeGreaterThan(now);
        workers[visit.WorkerUserId].ShouldStartWith("clw@");
        appointments.Where(a => workers[a.WorkerUserId].StartsWith("clw@", StringComparison.Ordinal)).Count().ShouldBe(3);
    }

    [Fact]
    public async Task PartnershipAdministrator_SeesEveryOrganisationButNoOnesRecords()
    {
        var browser = await Browser.SignInAsync(factory, Demo("partnership-admin"));

        var page = await browser.GetAsync("/admin/organisations");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.TableColumn(0).ShouldBe(DemoPartnership.Organisations.Select(o => o.Name), ignoreOrder: true);
        (await browser.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.GetAsync("/admin/users")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task LiaisonAndDiversionTeam_SignsIn_AndReachesItsWork()
    {
        var manager = await Browser.SignInAsync(factory, Demo("liaison-manager"));
        var home = await manager.GetAsync("/");

        var serviceId = await factory.WithDbAsync(db => db.Services.Where(s => s.Name == "Liaison and Diversion").Select(s => s.Id).SingleAsync());
        var waiting = home.Document.QuerySelector($"[data-service='{serviceId}'] [data-count='waiting-for-sift'] a").ShouldNotBeNull();
        waiting.TextContent.ShouldStartWith("1");
        var sift = await manager.GetAsync(waiting.GetAttribute("href")!);
        sift.Status.ShouldBe(HttpStatusCode.OK);
        sift.Document.QuerySelectorAll("tr[data-referral]").ShouldHaveSingleItem().TextContent.ShouldContain("Leon Campbell");

        var practitioner = await Browser.SignInAsync(factory, Demo("liaison"));
        var practitionerHome = await practitioner.GetAsync("/");
        practitionerHome.Document.QuerySelector("#cases").ShouldNotBeNull();
        practitionerHome.Document.QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.TextContent.Trim()).ShouldContain("My cases");
        (await practitioner.GetAsync("/my-cases")).Status.ShouldBe(HttpStatusCode.OK);
        var worker = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == $"liaison@{DemoPartnership.EmailDomain}"));
        worker.JobRole.ShouldBe("liaison-diversion");
    }
}
