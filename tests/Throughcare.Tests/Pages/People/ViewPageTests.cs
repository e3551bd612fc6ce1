using System.Net;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.People;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Pages.People;

public sealed class ViewPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

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
        page.Document.QuerySelector($"a[href='/people/{personId}/edit']").ShouldNotBeNull();
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
}
