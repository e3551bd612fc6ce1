using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Domain.Referrals;
using Throughcare.Web.Domain.Services;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Tests.Infrastructure;

/// <summary>
/// Everyone around one open episode: the service's organisation with a manager, a data protection officer, the
/// worker on each strand and a colleague on neither; the referring organisation's referrer; and an outsider
/// organisation that must find nothing.
/// </summary>
public sealed record EpisodeScenario(
    Guid PersonId,
    Service Service,
    Referral Referral,
    Episode Episode,
    TestUser Manager,
    TestUser EmotionalWorker,
    TestUser PracticalWorker,
    TestUser Colleague,
    TestUser Dpo,
    TestUser Referrer,
    TestUser Outsider)
{
    public ServiceStrand EmotionalStrand => Service.Strands[0];

    public ServiceStrand PracticalStrand => Service.Strands[1];

    public string Path => $"/episodes/{Episode.Id}";
}

public sealed class EpisodeTestData(ThroughcareFactory factory)
{
    /// <summary>An accepted, allocated referral and its open episode, both strands running, in the given state.</summary>
    public async Task<EpisodeScenario> CreateScenarioAsync(EpisodeState state = EpisodeState.Engaging, Action<Service>? service = null)
    {
        var referrals = new ReferralTestData(factory);
        var data = new TestData(factory);
        var scenario = await referrals.CreateScenarioAsync(ReferralState.Accepted, service: service);
        var organisationId = scenario.Service.OrganisationId;
        var emotional = await referrals.CreateWorkerAsync(organisationId, "fmhp", displayName: TestData.Unique("Emotional worker"));
        var practical = await referrals.CreateWorkerAsync(organisationId, "clw", displayName: TestData.Unique("Practical worker"));
        var colleague = await referrals.CreateWorkerAsync(organisationId, "fmhp", displayName: TestData.Unique("Colleague"));
        var dpo = await data.CreateUserAsync(organisationId, StaffRoles.DataProtectionOfficer);
        var outsiderOrganisation = await data.CreateOrganisationAsync();
        var outsider = await data.CreateUserAsync(outsiderOrganisation.Id, StaffRoles.Practitioner, StaffRoles.Manager);

        var episode = await factory.WithDbAsync(async db =>
        {
            var now = factory.UtcNow;
            var today = Display.LondonDate(now);
            var created = new Episode
            {
                Id = Guid.NewGuid(),
                PersonId = scenario.PersonId,
                ServiceId = scenario.Service.Id,
                ReferralId = scenario.Referral.Id,
                ServiceOrganisationId = organisationId,
                ReferringOrganisationId = scenario.Referral.ReferringOrganisationId,
                State = state,
                StartedOn = today,
                PlannedEndOn = today.AddMonths(scenario.Service.MaximumEpisodeMonths),
                CreatedAt = now,
                Strands =
                [
                    new EpisodeStrand { Id = Guid.NewGuid(), ServiceStrandId = scenario.Service.Strands[0].Id, WorkerUserId = emotional.Id, StartedAt = now, AllocatedByUserId = scenario.Manager.Id },
                    new EpisodeStrand { Id = Guid.NewGuid(), ServiceStrandId = scenario.Service.Strands[1].Id, WorkerUserId = practical.Id, StartedAt = now, AllocatedByUserId = scenario.Manager.Id },
                ],
            };
            db.Episodes.Add(created);
            var referral = await db.Referrals.SingleAsync(r => r.Id == scenario.Referral.Id);
            referral.AllocatedAt = now;
            await db.SaveChangesAsync();
            return created;
        });

        return new EpisodeScenario(scenario.PersonId, scenario.Service, scenario.Referral, episode, scenario.Manager, emotional, practical, colleague, dpo, scenario.Referrer, outsider);
    }
}
