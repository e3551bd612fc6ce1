using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;

namespace Throughcare.Tests.Security;

/// <summary>
/// A role in a person's care ends with what gave it: a declined or withdrawn referral at once, a closed episode after
/// the follow-up period. The ended role stops access on the next request, takes the person out of the organisation's
/// searches, and is kept as history.
/// </summary>
public sealed class CareRoleTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly ReferralTestData _referrals = new(factory);

    [Fact]
    public async Task DeclinedReferral_EndsTheReceivingOrganisationsRole_OnTheNextRequest()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Screening);
        var practitioner = await Browser.SignInAsync(factory, await new TestData(factory).CreateUserAsync(s.Service.OrganisationId, StaffRoles.Practitioner));
        (await practitioner.GetAsync($"/people/{s.PersonId}")).Status.ShouldBe(HttpStatusCode.OK);

        var manager = await Browser.SignInAsync(factory, s.Manager);
        var declined = await manager.PostFormAsync($"/referrals/{s.Referral.Id}/screening?handler=Decide", new()
        {
            ["Version"] = s.Referral.Version.ToString(),
            ["Decision.Outcome"] = "decline",
            ["Decision.Reason"] = nameof(ReferralCloseReason.NotEligible),
        }, $"/referrals/{s.Referral.Id}/screening");
        declined.Status.ShouldBe(HttpStatusCode.Redirect, declined.Html);

        await AssertRoleEndedAsync(practitioner, s.PersonId, s.Referral.Id, "Referral declined");
        (await manager.GetAsync($"/referrals/{s.Referral.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);

        // The referrer's own role is untouched: they still see the person and their decided referral.
        var referrer = await Browser.SignInAsync(factory, s.Referrer);
        (await referrer.GetAsync($"/people/{s.PersonId}")).Status.ShouldBe(HttpStatusCode.OK);
        (await referrer.GetAsync($"/referrals/{s.Referral.Id}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WithdrawnReferral_EndsTheReceivingOrganisationsRole_AndTheirEditsAreRefused()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Submitted);
        var receiving = await Browser.SignInAsync(factory, s.Manager);
        var person = (await factory.FindPersonAsync(s.PersonId))!;
        (await receiving.GetAsync($"/people/{s.PersonId}/edit")).Status.ShouldBe(HttpStatusCode.OK);

        var referrer = await Browser.SignInAsync(factory, s.Referrer);
        var withdrawn = await referrer.PostFormAsync($"/referrals/{s.Referral.Id}?handler=Withdraw", new()
        {
            ["Version"] = s.Referral.Version.ToString(),
            ["Input.Reason"] = nameof(ReferralCloseReason.MovedAway),
        });
        withdrawn.Status.ShouldBe(HttpStatusCode.Redirect, withdrawn.Html);

        await AssertRoleEndedAsync(receiving, s.PersonId, s.Referral.Id, "Referral withdrawn");
        var edit = await receiving.PostFormAsync($"/people/{s.PersonId}/edit", PeoplePages.PersonForm("Changed", "After", new DateOnly(1980, 1, 1))
            .With("Version", person.Version.ToString()), formPage: "/people/new");
        edit.Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.FindPersonAsync(s.PersonId))!.Details.ShouldBe(person.Details);
    }

    [Fact]
    public async Task ClosedEpisode_KeepsTheServicesRoleForTheFollowUpPeriod_ThenEndsIt()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closing);
        var manager = await Browser.SignInAsync(factory, scenario.Manager);
        var closed = await manager.PostFormAsync(scenario.Path + "/engagement/sign-off?handler=Confirm", new() { ["Version"] = (await VersionAsync(scenario.Episode.Id)).ToString() });
        closed.Status.ShouldBe(HttpStatusCode.Redirect, closed.Html);

        factory.Clock.Advance(TimeSpan.FromDays(89));
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await worker.GetAsync($"/people/{scenario.PersonId}")).Status.ShouldBe(HttpStatusCode.OK);
        (await worker.GetAsync(scenario.Path)).Status.ShouldBe(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromDays(2));
        worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await worker.GetAsync($"/people/{scenario.PersonId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await worker.GetAsync(scenario.Path)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await worker.GetAsync(scenario.Path + "/contacts")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await worker.GetAsync("/my-cases")).Html.ShouldNotContain(scenario.Episode.Id.ToString());

        var role = await RoleForAsync(scenario.Referral.Id);
        role.EndReason.ShouldBe("Episode closed; follow-up of 90 days");
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == "care-role" && a.RecordId == role.Id.ToString()))).ShouldBe(1);
    }

    /// <summary>The role has ended and stops access now, the person is out of the organisation's search, and the role row stays.</summary>
    private async Task AssertRoleEndedAsync(Browser browser, Guid personId, Guid referralId, string reason)
    {
        (await browser.GetAsync($"/people/{personId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync($"/people/{personId}/history")).Status.ShouldBe(HttpStatusCode.NotFound);
        var person = (await factory.FindPersonAsync(personId))!;
        var search = await browser.PostFormAndFollowAsync("/people", new() { ["Input.Name"] = $"{person.Details.GivenName} {person.Details.FamilyName}" });
        search.Html.ShouldNotContain(personId.ToString());

        var role = await RoleForAsync(referralId);
        role.EndedAt.ShouldNotBeNull();
        role.EndReason.ShouldBe(reason);
    }

    private Task<PersonCareRole> RoleForAsync(Guid referralId) =>
        factory.WithDbAsync(db => db.PersonCareRoles.AsNoTracking().SingleAsync(r => r.ReferralId == referralId));

    private Task<Guid> VersionAsync(Guid episodeId) =>
        factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == episodeId).Select(e => e.Version).SingleAsync());
}
