using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;
using static Throughcare.Tests.Pages.Episodes.CaseloadTestData;

namespace Throughcare.Tests.Pages;

/// <summary>/: what needs each role now, each count linking to the list filtered to exactly the rows it counted.</summary>
public sealed class HomePageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    /// <summary>The figure shown, without the words only a screen reader hears.</summary>
    private static string Count(IHtmlDocument page, string id)
    {
        var value = page.QuerySelector($"[data-count='{id}'] dd").ShouldNotBeNull($"no count {id}");
        return (value.QuerySelector("a")?.FirstChild ?? value).TextContent.Trim();
    }

    private static string CountHref(IHtmlDocument page, string id, Guid? serviceId = null) =>
        page.QuerySelector($"{(serviceId is { } s ? $"[data-service='{s}'] " : "")}[data-count='{id}'] dd a").ShouldNotBeNull($"no link for {id}").GetAttribute("href")!;

    [Fact]
    public async Task Practitioner_CountsReviewsDueOverdueActionsAndAtRisk_AndEachLinksToThoseEpisodesOnMyCases()
    {
        // One episode with a review due in five days, an overdue action and three did-not-attends; another just started,
        // with a contact attended yesterday and an action due tomorrow.
        var scenario = await WorryingEpisodeAsync(factory);
        var calm = await AddEpisodeAsync(scenario, scenario.EmotionalWorker, EpisodeState.Active, actionDue: factory.Today.AddDays(1));
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var home = await browser.GetAsync("/");

        home.Status.ShouldBe(HttpStatusCode.OK);
        home.Document.QuerySelector("#cases").ShouldNotBeNull().TextContent.ShouldContain("2 open episodes");
        home.Document.QuerySelectorAll("#also a").Select(a => a.GetAttribute("href")).Take(2).ShouldBe(["/people", "/people/new"]);
        Count(home.Document, "review-due").ShouldBe("1");
        Count(home.Document, "overdue-actions").ShouldBe("1");
        Count(home.Document, "at-risk").ShouldBe("1");
        foreach (var filter in new[] { "review-due", "overdue-actions", "at-risk" })
        {
            var href = CountHref(home.Document, filter);
            href.ShouldBe($"/my-cases?show={filter}");
            var list = await browser.GetAsync(href);
            list.Document.QuerySelectorAll("#caseload tbody tr").Select(r => r.GetAttribute("data-episode"))
                .ShouldBe([scenario.Episode.Id.ToString()], $"{filter} lists other episodes than it counted");
            list.Document.QuerySelector($"a.moj-sub-navigation__link[aria-current='page']").ShouldNotBeNull().GetAttribute("href").ShouldBe(href);
        }

        (await browser.GetAsync("/my-cases")).Document.QuerySelectorAll("#caseload tbody tr").Select(r => r.GetAttribute("data-episode"))
            .ShouldBe([scenario.Episode.Id.ToString(), calm.ToString()], ignoreOrder: true);
        home.Document.QuerySelector("#services").ShouldBeNull();
        home.Document.QuerySelector("#audit").ShouldBeNull();
        home.Document.QuerySelector("#accounts").ShouldBeNull();
    }

    [Fact]
    public async Task Practitioner_SeesTodaysAppointmentsFirst_AndCountsThoseToClose_LinkingToThem()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var appointments = new AppointmentTestData(factory);
        var later = await appointments.CreateAsync(scenario, AppointmentTestData.Uk(factory.Today, 15));
        var earlier = await appointments.CreateAsync(scenario, factory.UtcNow.AddHours(-2));
        var yesterday = await appointments.CreateAsync(scenario, factory.UtcNow.AddDays(-1).AddHours(-1));
        var tomorrow = await appointments.CreateAsync(scenario, factory.UtcNow.AddDays(1));
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var home = await browser.GetAsync("/");

        home.Document.QuerySelector("h1 ~ section")!.Id.ShouldBe("today");
        home.Document.QuerySelectorAll("#today tr[data-appointment]").Select(r => r.GetAttribute("data-appointment")).ShouldBe([earlier.Id.ToString(), later.Id.ToString()]);
        home.Document.QuerySelector($"#today tr[data-appointment='{yesterday.Id}']").ShouldBeNull();
        home.Document.QuerySelector($"#today tr[data-appointment='{tomorrow.Id}']").ShouldBeNull();
        Count(home.Document, "awaiting-closing").ShouldBe("2");
        var toClose = await browser.GetAsync(CountHref(home.Document, "awaiting-closing"));
        toClose.Document.QuerySelectorAll("tr[data-appointment]").Select(r => r.GetAttribute("data-appointment")).ShouldBe([yesterday.Id.ToString(), earlier.Id.ToString()]);
        (await factory.AuditEventsAsync(scenario.PersonId, AuditActions.View)).ShouldContain(r => r.UserId == scenario.EmotionalWorker.Id && r.Purpose == DiaryReader.Purpose);

        var colleague = await (await Browser.SignInAsync(factory, scenario.Colleague)).GetAsync("/");
        colleague.Document.QuerySelector("#today [data-empty]")!.TextContent.ShouldBe("You have no appointments today.");
        Count(colleague.Document, "awaiting-closing").ShouldBe("None");
    }

    [Fact]
    public async Task Manager_CountsReferralsByStageClosuresAndFullCaseloads_AndEachLinksToExactlyThose()
    {
        // Capacity one: both workers of the closing episode are full, their colleague with none is not.
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closing, service: s => s.CaseloadCapacity = 1);
        await AddEpisodeAsync(scenario, scenario.EmotionalWorker, EpisodeState.Active, actionDue: null);
        var referrals = new ReferralTestData(factory);
        var data = new TestData(factory);
        async Task<Guid> Refer(ReferralState state)
        {
            var personId = await data.CreatePersonAsync(scenario.Referrer.OrganisationId, d => d with { GenderIdentity = "man" });
            return (await referrals.CreateReferralAsync(personId, scenario.Service, scenario.Referrer.OrganisationId, scenario.Referrer.Id, state)).Id;
        }

        var submitted = await Refer(ReferralState.Submitted);
        var screening = await Refer(ReferralState.Screening);
        await Refer(ReferralState.Screening);
        var accepted = await Refer(ReferralState.Accepted);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        var home = await browser.GetAsync("/");

        home.Status.ShouldBe(HttpStatusCode.OK);
        var card = home.Document.QuerySelector($"#services [data-service='{scenario.Service.Id}']").ShouldNotBeNull();
        card.QuerySelector("h3")!.TextContent.Trim().ShouldBe(scenario.Service.Name);
        Count(home.Document, "waiting-for-sift").ShouldBe("1");
        Count(home.Document, "screening").ShouldBe("2");
        Count(home.Document, "awaiting-information").ShouldBe("None");
        Count(home.Document, "awaiting-allocation").ShouldBe("1");
        Count(home.Document, "closures").ShouldBe("1");
        Count(home.Document, "full-caseloads").ShouldBe("2");

        async Task<List<string?>> Listed(string href, string rows) =>
            (await browser.GetAsync(href)).Document.QuerySelectorAll(rows).Select(r => r.GetAttribute(rows.Contains("caseload", StringComparison.Ordinal) ? "data-episode" : "data-referral")).ToList();
        var sift = $"/services/{scenario.Service.Id}/sift";
        CountHref(home.Document, "waiting-for-sift").ShouldBe($"{sift}?state=Submitted");
        (await Listed(CountHref(home.Document, "waiting-for-sift"), "tr[data-referral]")).ShouldBe([submitted.ToString()]);
        (await Listed(CountHref(home.Document, "screening"), "tr[data-referral]")).Count.ShouldBe(2);
        (await Listed(CountHref(home.Document, "screening"), "tr[data-referral]")).ShouldContain(screening.ToString());
        CountHref(home.Document, "awaiting-allocation").ShouldBe($"{sift}?state=awaiting-allocation");
        (await Listed(CountHref(home.Document, "awaiting-allocation"), "tr[data-referral]")).ShouldBe([accepted.ToString()]);
        CountHref(home.Document, "closures").ShouldBe($"/services/{scenario.Service.Id}/caseloads?show=closing");
        (await Listed(CountHref(home.Document, "closures"), "#caseload tbody tr")).ShouldBe([scenario.Episode.Id.ToString()]);
        var team = await browser.GetAsync(CountHref(home.Document, "full-caseloads"));
        team.Document.QuerySelectorAll("#workers tbody tr").Count(r => r.TextContent.Contains("Full", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task Referrer_CountsReferralsAwaitingADecisionAndThoseDecidedInTheLast28Days()
    {
        var scenario = await new ReferralTestData(factory).CreateScenarioAsync(ReferralState.Submitted);
        var referrals = new ReferralTestData(factory);
        var data = new TestData(factory);
        async Task<Guid> Refer(ReferralState state, int? decidedDaysAgo = null)
        {
            var personId = await data.CreatePersonAsync(scenario.Referrer.OrganisationId, d => d with { GenderIdentity = "man" });
            var id = (await referrals.CreateReferralAsync(personId, scenario.Service, scenario.Referrer.OrganisationId, scenario.Referrer.Id, state)).Id;
            if (decidedDaysAgo is { } days)
            {
                await factory.WithDbAsync(async db =>
                {
                    (await db.Referrals.SingleAsync(r => r.Id == id)).DecidedAt = factory.UtcNow.AddDays(-days);
                    return await db.SaveChangesAsync();
                });
            }

            return id;
        }

        await Refer(ReferralState.AwaitingInformation);
        await Refer(ReferralState.Draft);
        var declined = await Refer(ReferralState.Declined, decidedDaysAgo: 3);
        await Refer(ReferralState.Accepted, decidedDaysAgo: 40);
        var browser = await Browser.SignInAsync(factory, scenario.Referrer);

        var home = await browser.GetAsync("/");

        Count(home.Document, "awaiting-decision").ShouldBe("2");
        Count(home.Document, "decided").ShouldBe("1");
        CountHref(home.Document, "awaiting-decision").ShouldBe("/referrals?show=awaiting-decision");
        (await browser.GetAsync(CountHref(home.Document, "awaiting-decision"))).Document.QuerySelectorAll("#sent tbody tr").Length.ShouldBe(2);
        var decided = await browser.GetAsync(CountHref(home.Document, "decided"));
        decided.Document.QuerySelectorAll("#sent tbody tr a").Select(a => a.GetAttribute("href")).ShouldBe([$"/referrals/{declined}"]);
    }

    [Fact]
    public async Task DataProtectionOfficer_SeesTheWeeksDenialsAndUnusualAccess_ByStaffAndDay_LinkingToTheAuditSearch()
    {
        var data = new TestData(factory);
        var organisation = await data.CreateOrganisationAsync();
        var dpo = await data.CreateUserAsync(organisation.Id, StaffRoles.DataProtectionOfficer);
        var reader = await data.CreateUserAsync(organisation.Id, StaffRoles.Practitioner);
        var careful = await data.CreateUserAsync(organisation.Id, StaffRoles.Practitioner);
        var elsewhere = await data.CreateStaffAsync(StaffRoles.Practitioner);
        var yesterday = factory.UtcNow.AddDays(-1);
        await factory.WithDbAsync(db =>
        {
            // Over the threshold by one, and at it exactly (reading one person twice counts once).
            for (var i = 0; i <= AccessWatch.UnusualPeopleInADay; i++)
            {
                db.AuditEvents.Add(Event(reader, AuditActions.View, AuditOutcome.Success, yesterday, Guid.NewGuid()));
            }

            var same = Guid.NewGuid();
            for (var i = 0; i <= AccessWatch.UnusualPeopleInADay; i++)
            {
                db.AuditEvents.Add(Event(careful, i == 0 ? AuditActions.View : AuditActions.SearchResult, AuditOutcome.Success, yesterday, i == 1 ? same : i == 2 ? same : Guid.NewGuid()));
            }

            db.AuditEvents.Add(Event(careful, AuditActions.AccessDenied, AuditOutcome.Denied, factory.UtcNow, null));
            db.AuditEvents.Add(Event(careful, AuditActions.AccessDenied, AuditOutcome.Denied, factory.UtcNow, null));
            db.AuditEvents.Add(Event(careful, AuditActions.AccessDenied, AuditOutcome.Denied, factory.UtcNow.AddDays(-AccessWatch.Days - 1), null));
            db.AuditEvents.Add(Event(elsewhere, AuditActions.AccessDenied, AuditOutcome.Denied, factory.UtcNow, null));
            return db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, dpo);

        var home = await browser.GetAsync("/");

        home.Status.ShouldBe(HttpStatusCode.OK);
        var denial = home.Document.QuerySelectorAll("#denials tbody tr").ShouldHaveSingleItem();
        denial.GetAttribute("data-user").ShouldBe(careful.Email);
        denial.QuerySelectorAll("td")[2].TextContent.Trim().ShouldBe("2");
        var unusual = home.Document.QuerySelectorAll("#unusual tbody tr").ShouldHaveSingleItem();
        unusual.GetAttribute("data-user").ShouldBe(reader.Email);
        unusual.QuerySelectorAll("td")[2].TextContent.Trim().ShouldBe((AccessWatch.UnusualPeopleInADay + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var day = Core.Infrastructure.Text.Display.LondonDate(yesterday);
        var href = unusual.QuerySelector("a")!.GetAttribute("href")!;
        href.ShouldStartWith("/audit?");
        href.ShouldContain($"Filter.User={reader.Email}");
        href.ShouldContain($"Filter.From.Day={day.Day}");
        href.ShouldContain($"Filter.To.Year={day.Year}");
        var search = await browser.GetAsync(href);
        search.Status.ShouldBe(HttpStatusCode.OK);
        search.Document.QuerySelectorAll("table tbody tr").Length.ShouldBeGreaterThan(0);
        home.Document.QuerySelector("#cases").ShouldBeNull();
    }

    private static AuditEvent Event(TestUser user, string action, AuditOutcome outcome, DateTime at, Guid? personId) => new()
    {
        UserId = user.Id,
        UserName = user.Email,
        OrganisationId = user.OrganisationId,
        PersonId = personId,
        RecordType = AuditRecordTypes.Person,
        RecordId = personId?.ToString(),
        Action = action,
        Outcome = outcome,
        OccurredAt = AuditChain.TruncateToMicroseconds(at),
    };

    [Fact]
    public async Task Administrator_CountsLockedAccountsAndThoseNotYetSignedIn_AndEachLinksToThoseAccounts()
    {
        var data = new TestData(factory);
        var organisation = await data.CreateOrganisationAsync();
        var admin = await data.CreateUserAsync(organisation.Id, StaffRoles.Administrator);
        var locked = await data.CreateUserAsync(organisation.Id);
        var lockoutOver = await data.CreateUserAsync(organisation.Id);
        var neverSignedIn = await data.CreateUserAsync(organisation.Id);
        var disabled = await data.CreateUserAsync(organisation.Id);
        await factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            (await db.Users.SingleAsync(u => u.Id == locked.Id)).LockoutEnd = now.AddMinutes(10);
            (await db.Users.SingleAsync(u => u.Id == lockoutOver.Id)).LockoutEnd = now.AddMinutes(-1);
            (await db.Users.SingleAsync(u => u.Id == disabled.Id)).DisabledAt = factory.UtcNow;
            foreach (var user in new[] { locked, lockoutOver })
            {
                db.UserSessions.Add(new UserSession { Id = Guid.NewGuid(), UserId = user.Id, CreatedAt = factory.UtcNow.AddDays(-2), LastSeenAt = factory.UtcNow.AddDays(-2), AbsoluteExpiresAt = factory.UtcNow.AddDays(-1) });
            }

            return await db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, admin);

        var home = await browser.GetAsync("/");

        Count(home.Document, "locked").ShouldBe("1");
        Count(home.Document, "not-yet-signed-in").ShouldBe("1");
        CountHref(home.Document, "locked").ShouldBe("/admin/users?show=locked");
        (await browser.GetAsync(CountHref(home.Document, "locked"))).Document.QuerySelectorAll("tbody tr a").Select(a => a.GetAttribute("href")).ShouldBe([$"/admin/users/{locked.Id}"]);
        (await browser.GetAsync(CountHref(home.Document, "not-yet-signed-in"))).Document.QuerySelectorAll("tbody tr a").Select(a => a.GetAttribute("href")).ShouldBe([$"/admin/users/{neverSignedIn.Id}"]);
    }

    [Fact]
    public async Task SomeoneWithSeveralRoles_SeesEachSection_AndNothingWaitingReadsNone()
    {
        var user = await new TestData(factory).CreateStaffAsync(StaffRoles.Manager, StaffRoles.DataProtectionOfficer, StaffRoles.Administrator);
        var browser = await Browser.SignInAsync(factory, user);

        var home = await browser.GetAsync("/");

        foreach (var section in new[] { "#cases", "#services", "#referrals", "#audit", "#accounts" })
        {
            home.Document.QuerySelector(section).ShouldNotBeNull($"{section} is missing");
        }

        home.Document.QuerySelector("#cases")!.TextContent.ShouldContain("You have no open episodes");
        home.Document.QuerySelector("#services [data-empty='services']").ShouldNotBeNull();
        Count(home.Document, "review-due").ShouldBe("None");
        Count(home.Document, "awaiting-decision").ShouldBe("None");
        home.Document.QuerySelector("[data-empty='denials']").ShouldNotBeNull();
        home.Document.QuerySelector("[data-empty='unusual']").ShouldNotBeNull();
        home.Document.QuerySelector("#nothing-to-work").ShouldBeNull();
    }

    [Fact]
    public async Task Commissioner_IsToldWhatTheyCanDoHere_NotLeftAtADeadEnd()
    {
        var commissioner = await new TestData(factory).CreateStaffAsync(StaffRoles.Commissioner);
        var browser = await Browser.SignInAsync(factory, commissioner);

        var home = await browser.GetAsync("/");

        home.Status.ShouldBe(HttpStatusCode.OK);
        home.Document.QuerySelector("#nothing-to-work").ShouldNotBeNull().TextContent.ShouldContain("Figures for commissioners");
        home.Document.QuerySelectorAll("#also a").Select(a => a.GetAttribute("href"))
            .ShouldBe(["/account", "/account/two-factor", "/api/reference/", "/accessibility"]);
        foreach (var section in new[] { "#cases", "#services", "#referrals", "#audit", "#accounts" })
        {
            home.Document.QuerySelector(section).ShouldBeNull();
        }
    }

    [Theory]
    [InlineData(StaffRoles.Practitioner, true, false)]
    [InlineData(StaffRoles.Manager, true, true)]
    [InlineData(StaffRoles.DataProtectionOfficer, false, false)]
    [InlineData(StaffRoles.Administrator, false, false)]
    [InlineData(StaffRoles.Commissioner, false, false)]
    public async Task Navigation_ShowsMyCasesAndReferralsReceived_OnlyToThoseWithTheCapability(string role, bool myCases, bool received)
    {
        var user = await new TestData(factory).CreateStaffAsync(role);
        var browser = await Browser.SignInAsync(factory, user);

        var home = await browser.GetAsync("/");

        var items = home.Document.QuerySelectorAll(".govuk-service-navigation__link").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        items.ContainsKey("My cases").ShouldBe(myCases);
        items.ContainsKey("Referrals received").ShouldBe(received);
        if (myCases)
        {
            items["My cases"].ShouldBe("/my-cases");
        }

        if (received)
        {
            items["Referrals received"].ShouldBe("/referrals/received");
        }

        Current(home.Document).ShouldBe("Home");
    }

    [Fact]
    public async Task Navigation_MarksTheCurrentItem_MyCasesAndReferralsReceived_AndTheSiftAsReferralsReceived()
    {
        var scenario = await new ReferralTestData(factory).CreateScenarioAsync(ReferralState.Submitted);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        Current((await browser.GetAsync("/my-cases")).Document).ShouldBe("My cases");
        var received = await browser.GetAsync("/referrals/received");
        received.Status.ShouldBe(HttpStatusCode.OK);
        Current(received.Document).ShouldBe("Referrals received");
        Count(received.Document, "waiting-for-sift").ShouldBe("1");
        Current((await browser.GetAsync(CountHref(received.Document, "waiting-for-sift", scenario.Service.Id))).Document).ShouldBe("Referrals received");
        Current((await browser.GetAsync("/referrals")).Document).ShouldBe("Referrals");
        Current((await browser.GetAsync("/services")).Document).ShouldBe("Services");
    }

    [Fact]
    public async Task ReferralsReceived_IsOnlyForManagers()
    {
        var practitioner = await new TestData(factory).CreateStaffAsync(StaffRoles.Practitioner);

        (await (await Browser.SignInAsync(factory, practitioner)).GetAsync("/referrals/received")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static string Current(IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-service-navigation__link[aria-current='page']").ShouldHaveSingleItem().TextContent.Trim();

    /// <summary>Another open episode of the scenario's service, for a new person, with one strand held by the worker.</summary>
    private async Task<Guid> AddEpisodeAsync(EpisodeScenario scenario, TestUser worker, EpisodeState state, DateOnly? actionDue)
    {
        var organisationId = scenario.Service.OrganisationId;
        var personId = await new TestData(factory).CreatePersonAsync(scenario.Referrer.OrganisationId);
        var referral = await new ReferralTestData(factory).CreateReferralAsync(personId, scenario.Service, scenario.Referrer.OrganisationId, scenario.Referrer.Id, ReferralState.Accepted);
        return await factory.WithDbAsync(async db =>
        {
            var now = factory.UtcNow;
            var today = factory.Today;
            (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).AllocatedAt = now;
            var episode = new Episode
            {
                Id = Guid.NewGuid(),
                PersonId = personId,
                ServiceId = scenario.Service.Id,
                ReferralId = referral.Id,
                ServiceOrganisationId = organisationId,
                ReferringOrganisationId = scenario.Referral.ReferringOrganisationId,
                State = state,
                StartedOn = today,
                PlannedEndOn = today.AddMonths(scenario.Service.MaximumEpisodeMonths),
                CreatedAt = now,
                Strands = [new EpisodeStrand { Id = Guid.NewGuid(), ServiceStrandId = scenario.EmotionalStrand.Id, WorkerUserId = worker.Id, StartedAt = now, AllocatedByUserId = scenario.Manager.Id }],
            };
            db.Episodes.Add(episode);
            db.Contacts.Add(new Contact
            {
                Id = Guid.NewGuid(),
                EpisodeId = episode.Id,
                ServiceStrandId = scenario.EmotionalStrand.Id,
                OccurredAt = now.AddDays(-1),
                DurationMinutes = 50,
                Mode = ContactMode.FaceToFace,
                Attendance = Attendance.Attended,
                RecordedAt = now,
                RecordedByUserId = worker.Id,
            });
            if (actionDue is { } due)
            {
                var goal = new Goal { Id = Guid.NewGuid(), EpisodeId = episode.Id, Description = "Register with a GP", CreatedAt = now, CreatedByUserId = worker.Id };
                db.Goals.Add(goal);
                db.GoalActions.Add(new GoalAction { Id = Guid.NewGuid(), GoalId = goal.Id, EpisodeId = episode.Id, Description = "Book the appointment", Owner = ActionOwner.Worker, DueOn = due, CreatedAt = now, CreatedByUserId = worker.Id });
            }

            await db.SaveChangesAsync();
            return episode.Id;
        });
    }
}
