using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Text;
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
    /// <summary>
    /// An accepted, allocated referral and its episode in the given state, both strands running; a closed one is as its
    /// sign-off leaves it (strands ended, the service's care role ending after the follow-up period).
    /// </summary>
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
            if (state == EpisodeState.Closed)
            {
                // As a manager's sign-off leaves it: closed, every strand ended, the service's care role ending after the follow-up.
                created.CloseReason = EpisodeCloseReason.Completed;
                created.ClosedAt = now;
                created.ClosureSignedOffByUserId = scenario.Manager.Id;
                foreach (var strand in created.Strands)
                {
                    (strand.EndedAt, strand.EndReason, strand.EndedByUserId) = (now, "Episode closed", scenario.Manager.Id);
                }

                var followUpDays = factory.Services.GetRequiredService<IOptions<CareRoleOptions>>().Value.FollowUpDays;
                foreach (var role in await db.PersonCareRoles.Where(r => r.ReferralId == scenario.Referral.Id).ToListAsync())
                {
                    (role.EndedAt, role.EndReason) = (now.AddDays(followUpDays), $"Episode closed; follow-up of {followUpDays} days");
                }
            }

            db.Episodes.Add(created);
            var referral = await db.Referrals.SingleAsync(r => r.Id == scenario.Referral.Id);
            referral.AllocatedAt = now;
            await db.SaveChangesAsync();
            return created;
        });

        return new EpisodeScenario(scenario.PersonId, scenario.Service, scenario.Referral, episode, scenario.Manager, emotional, practical, colleague, dpo, scenario.Referrer, outsider);
    }
}
