using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;
using Throughcare.Tests.Pages.Referrals;

namespace Throughcare.Tests.Pages.Services;

/// <summary>/services/{serviceId}/caseloads: the service's managers see its team's caseloads and open episodes, as far as access allows.</summary>
public sealed class CaseloadsPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private static string Url(EpisodeScenario scenario) => $"/services/{scenario.Service.Id}/caseloads";

    [Fact]
    public async Task Get_ListsTheOpenEpisodes_AndRecordsEachPersonShownAsRead()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        var page = await browser.GetAsync(Url(scenario));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#summary").Text().ShouldStartWith("1 open episode.");
        page.Document.QuerySelector($"#caseload tr[data-episode='{scenario.Episode.Id}']").ShouldNotBeNull();
        page.Document.QuerySelector($"a[href='/services/{scenario.Service.Id}/caseloads?show=at-risk']").ShouldNotBeNull();
        var read = (await factory.AuditEventsAsync(scenario.PersonId, AuditActions.View)).Where(a => a.RecordType == AuditRecordTypes.Person).ShouldHaveSingleItem();
        read.ShouldBeSuccessBy(scenario.Manager);
        read.Purpose.ShouldBe("team caseload");
    }

    /// <summary>Once the service's organisation no longer holds a role in the person's care, their episode is not listed, nor recorded as read.</summary>
    [Fact]
    public async Task Get_EpisodeWhoseCareRoleHasEnded_IsLeftOut()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        await factory.WithDbAsync(db => db.PersonCareRoles
            .Where(r => r.PersonId == scenario.PersonId && r.OrganisationId == scenario.Service.OrganisationId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.EndedAt, factory.UtcNow).SetProperty(r => r.EndReason, "Referral withdrawn")));
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        var page = await browser.GetAsync(Url(scenario));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.ShouldNotContain(scenario.Episode.Id.ToString());
        page.Document.QuerySelector("#summary").Text().ShouldStartWith("0 open episodes.");
        (await factory.AuditEventsAsync(scenario.PersonId, AuditActions.View)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_ManagerOfAnotherOrganisation_ReturnsNotFoundAndIsAuditedAsDenied()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Outsider);

        var page = await browser.GetAsync(Url(scenario));

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Html.ShouldNotContain(scenario.Episode.Id.ToString());
        var denied = (await factory.DeniedAsync(scenario.Service.Id, scenario.Outsider)).ShouldHaveSingleItem();
        denied.RecordType.ShouldBe(AuditRecordTypes.Service);
        (await factory.AuditEventsAsync(scenario.PersonId, AuditActions.View)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_PractitionerOfTheService_IsForbidden()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var practitioner = await new TestData(factory).CreateUserAsync(scenario.Service.OrganisationId, StaffRoles.Practitioner);

        (await (await Browser.SignInAsync(factory, practitioner)).GetAsync(Url(scenario))).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
