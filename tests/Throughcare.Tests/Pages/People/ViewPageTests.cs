using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Pages.People;

public sealed class ViewPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Fact]
    public async Task Get_PersonInCare_LeadsWithTheirCare_StatesWorkersAndHowToReachThem()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        await SetPhoneAsync(scenario.EmotionalWorker, "020 7946 0011");
        var browser = await Browser.SignInAsync(factory, scenario.Referrer);

        var page = await browser.GetAsync($"/people/{scenario.PersonId}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var current = page.Document.QuerySelector("#current-care").ShouldNotBeNull();
        var episode = current.QuerySelector($"[data-episode='{scenario.Episode.Id}']").ShouldNotBeNull();
        episode.QuerySelector(".govuk-summary-card__title").Text().ShouldBe($"Episode with {scenario.Service.Name}");
        CardValue(episode, "State").ShouldBe("Active");
        var workers = episode.QuerySelectorAll(".app-worker-contact").Select(w => w.Text()).ToList();
        workers.Count.ShouldBe(2);
        workers.ShouldContain(w => w.Contains(scenario.EmotionalWorker.DisplayName, StringComparison.Ordinal) && w.Contains(scenario.EmotionalWorker.Email, StringComparison.Ordinal)
            && w.Contains("020 7946 0011", StringComparison.Ordinal) && w.Contains("emotional support", StringComparison.Ordinal));
        workers.ShouldContain(w => w.Contains(scenario.PracticalWorker.DisplayName, StringComparison.Ordinal) && w.Contains(scenario.PracticalWorker.Email, StringComparison.Ordinal));
        episode.QuerySelector($"a[href='mailto:{scenario.EmotionalWorker.Email}']").ShouldNotBeNull();

        // The referral that opened the episode is past: the episode carries the care on.
        var referral = page.Document.QuerySelector($"#past-care [data-referral='{scenario.Referral.Id}']").ShouldNotBeNull();
        CardValue(referral, "State").ShouldBe("Accepted");
        CardValue(referral, "Referred by").ShouldContain(scenario.Referrer.DisplayName);
        CardValue(referral, "Referred by").ShouldContain(scenario.Referrer.Email);

        // Care first, personal details after it.
        var sections = page.Document.QuerySelectorAll("section[id]").Select(e => e.Id).ToList();
        sections.ShouldBe(["current-care", "past-care", "personal-details"]);
    }

    [Fact]
    public async Task Get_PersonInCareOfAnotherOrganisation_HidesTheEpisodesTheViewerMayNotSee()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var referrals = new ReferralTestData(factory);
        var other = await _data.CreateOrganisationAsync(Core.Domain.Organisations.OrganisationKind.VoluntarySector);
        var otherUser = await _data.CreateUserAsync(other.Id, StaffRoles.Manager);
        var otherService = await referrals.CreateServiceAsync(other.Id);
        var otherReferral = await referrals.CreateReferralAsync(scenario.PersonId, otherService, other.Id, otherUser.Id, ReferralState.Accepted);
        await factory.WithDbAsync(async db =>
        {
            db.PersonCareRoles.Add(new PersonCareRole { Id = Guid.NewGuid(), PersonId = scenario.PersonId, OrganisationId = other.Id, Kind = CareRoleKind.Referral, ReferralId = otherReferral.Id, StartedAt = factory.UtcNow });
            return await db.SaveChangesAsync();
        });
        var otherEpisode = await referrals.CreateEpisodeAsync(scenario.PersonId, otherService, otherReferral.Id, otherUser.Id);

        foreach (var viewer in new[] { scenario.Manager, scenario.Referrer })
        {
            var page = await (await Browser.SignInAsync(factory, viewer)).GetAsync($"/people/{scenario.PersonId}");

            page.Status.ShouldBe(HttpStatusCode.OK);
            page.Document.QuerySelector($"[data-episode='{scenario.Episode.Id}']").ShouldNotBeNull();
            page.Document.QuerySelector($"[data-episode='{otherEpisode.Id}']").ShouldBeNull();
            page.Document.QuerySelector($"[data-referral='{otherReferral.Id}']").ShouldBeNull();
            page.Html.ShouldNotContain(otherService.Name);
            page.Html.ShouldNotContain(otherUser.DisplayName);
        }

        var own = await (await Browser.SignInAsync(factory, otherUser)).GetAsync($"/people/{scenario.PersonId}");
        own.Document.QuerySelector($"[data-episode='{otherEpisode.Id}']").ShouldNotBeNull();
        own.Document.QuerySelector($"[data-episode='{scenario.Episode.Id}']").ShouldBeNull();
    }

    [Fact]
    public async Task Get_PersonWithNoCare_SaysSo()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync($"/people/{personId}");

        page.Document.QuerySelector("#current-care p").Text().ShouldBe("No services you can see are working with them now.");
        page.Document.QuerySelector("#past-care").ShouldBeNull();
        page.Document.QuerySelectorAll(".app-care").ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_BlankDetails_ShowNotRecorded()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId, d => d with { GivenName = "Ama", Crn = "X123456" });
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync($"/people/{personId}");

        page.Document.GetSummaryListValue("First name").ShouldBe("Ama");
        page.Document.GetSummaryListValue("CRN").ShouldBe("X123456");
        foreach (var key in new[] { "Middle names", "Gender identity", "PNC number", "Prison number", "NHS number", "Phone", "Email address", "Address", "Postcode", "Borough", "Ethnic group", "Needs an interpreter", "RoSH level", "MAPPA", "OPD screening" })
        {
            page.Document.GetSummaryListValue(key).ShouldBe("Not recorded", key);
        }
    }

    [Fact]
    public async Task Get_ChangeLinks_OpenTheEditPageAtTheFieldTheyName()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync($"/people/{personId}");
        var edit = await browser.GetAsync($"/people/{personId}/edit");

        var links = page.Document.QuerySelectorAll("#personal-details .govuk-summary-list__actions a")
            .Select(a => (Label: a.QuerySelector(".govuk-visually-hidden").Text(), Href: a.GetAttribute("href")!))
            .Where(l => l.Href.StartsWith($"/people/{personId}/edit", StringComparison.Ordinal))
            .ToList();
        links.Count.ShouldBe(24);
        links.ShouldContain(("date of birth", $"/people/{personId}/edit#Input_DateOfBirth-day"));
        links.ShouldContain(("CRN", $"/people/{personId}/edit#Input_Crn"));
        links.ShouldContain(("interpreter need", $"/people/{personId}/edit#Input_InterpreterNeeded"));
        links.Select(l => l.Href).Distinct().Count().ShouldBe(links.Count);
        foreach (var (label, href) in links)
        {
            var id = href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..];
            var field = edit.Document.GetElementById(id);
            field.ShouldNotBeNull($"{label}: no field {id} on the edit page");
            field.TagName.ShouldBeOneOf(["INPUT", "SELECT", "TEXTAREA"], label);
        }
    }

    [Fact]
    public async Task Get_Person_ShowsTheirDetails()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var family = UniqueFamilyName("Osei");
        var personId = await _data.CreatePersonAsync(user.OrganisationId, d => d with
        {
            GivenName = "Abena",
            FamilyName = family,
            DateOfBirth = new DateOnly(1985, 3, 27),
            Crn = "X123456",
            NhsNumber = "9434765919",
            PncNumber = "2012/0052834K",
            Postcode = "SE1 7TP",
            Borough = "camden",
            RoshLevel = RoshLevel.VeryHigh,
            MappaCategory = 2,
            MappaLevel = 1,
            IsPpo = true,
            OpdScreeningResult = OpdScreeningResult.ScreenedIn,
            OpdScreenedOn = new DateOnly(2024, 5, 1),
        });
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync($"/people/{personId}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.Heading().ShouldBe($"Abena {family}");
        page.Document.GetSummaryListValue("First name").ShouldBe("Abena");
        page.Document.GetSummaryListValue("Last name").ShouldBe(family);
        page.Document.GetSummaryListValue("Date of birth").ShouldBe("27 March 1985");
        page.Document.GetSummaryListValue("Aliases").ShouldBe("None recorded");
        page.Document.GetSummaryListValue("CRN").ShouldBe("X123456");
        page.Document.GetSummaryListValue("NHS number").ShouldBe("943 476 5919");
        page.Document.GetSummaryListValue("PNC number").ShouldBe("2012/0052834K");
        page.Document.GetSummaryListValue("Postcode").ShouldBe("SE1 7TP");
        page.Document.GetSummaryListValue("Borough").ShouldBe("Camden");
        page.Document.GetSummaryListValue("RoSH level").ShouldBe("Very high");
        page.Document.GetSummaryListValue("MAPPA").ShouldBe("Category 2, level 1");
        page.Document.GetSummaryListValue("Prolific and priority offender").ShouldBe("Yes");
        page.Document.GetSummaryListValue("OPD screening").ShouldBe("Screened in on 1 May 2024");
        page.Document.QuerySelector($"a[href^='/people/{personId}/edit#']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Get_Person_AuditsTheView()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Manager);
        var personId = await _data.CreatePersonAsync(user.OrganisationId);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync($"/people/{personId}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var audit = (await factory.AuditEventsAsync(personId, AuditActions.View)).ShouldHaveSingleItem();
        audit.ShouldBeSuccessBy(user);
        audit.Role.ShouldBe(StaffRoles.Manager);
        audit.RecordId.ShouldBe(personId.ToString());
        audit.CorrelationId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Get_AsDataProtectionOfficer_ShowsDetailsWithoutChangeLinks()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var personId = await _data.CreatePersonAsync(user.OrganisationId);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync($"/people/{personId}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.GetSummaryListValue("First name").ShouldBe("Test");
        page.Document.QuerySelectorAll("a[href*='/edit'], a[href*='/aliases/new']").ShouldBeEmpty();
        (await factory.AuditEventsAsync(personId, AuditActions.View)).ShouldHaveSingleItem().ShouldBeSuccessBy(user);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/history")]
    public async Task Get_MergedRecord_RedirectsToTheKeptRecord(string subPath)
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var keepId = await _data.CreatePersonAsync(user.OrganisationId);
        var mergedId = await _data.CreatePersonAsync(user.OrganisationId);
        await factory.WithDbAsync(async db =>
        {
            var merged = await db.People.FindAsync(mergedId);
            merged!.MergedIntoPersonId = keepId;
            merged.MergedAt = factory.UtcNow;
            return await db.SaveChangesAsync();
        });
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync($"/people/{mergedId}{subPath}");

        page.Status.ShouldBe(HttpStatusCode.Redirect);
        page.Location.ShouldBe($"/people/{keepId}{subPath}");
        (await factory.AuditEventsAsync(mergedId, AuditActions.View)).ShouldBeEmpty();
        var kept = await browser.GetAsync(page.Location!);
        kept.Status.ShouldBe(HttpStatusCode.OK);
    }

    private static string CardValue(IElement card, string key) =>
        card.QuerySelectorAll(".govuk-summary-list__row").First(r => r.QuerySelector(".govuk-summary-list__key").Text() == key)
            .QuerySelector(".govuk-summary-list__value").Text();

    private Task<int> SetPhoneAsync(TestUser user, string phone) => factory.WithDbAsync(async db =>
    {
        (await db.Users.SingleAsync(u => u.Id == user.Id)).PhoneNumber = phone;
        return await db.SaveChangesAsync();
    });
}
