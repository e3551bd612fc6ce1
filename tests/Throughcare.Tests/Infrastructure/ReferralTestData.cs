using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Domain.People;
using Throughcare.Web.Domain.ReferenceData;
using Throughcare.Web.Domain.Referrals;
using Throughcare.Web.Domain.Services;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Tests.Infrastructure;

/// <summary>Builders for services and referrals, written straight to the database as a system task.</summary>
public sealed class ReferralTestData(ThroughcareFactory factory)
{
    /// <summary>A service modelled on the community wellbeing pathway: three required documents and two strands.</summary>
    public Task<Service> CreateServiceAsync(Guid organisationId, Action<Service>? configure = null) =>
        factory.WithDbAsync(async db =>
        {
            var service = new Service
            {
                Id = Guid.NewGuid(),
                OrganisationId = organisationId,
                Name = TestData.Unique("Wellbeing pathway"),
                MinimumAge = 18,
                GenderIdentities = ["man"],
                RequiresOpdScreenedIn = true,
                Setting = ServiceSetting.Community,
                MaximumEpisodeMonths = 18,
                CaseloadCapacity = 3,
                CreatedAt = factory.UtcNow,
            };
            service.Documents =
            [
                new() { Id = Guid.NewGuid(), ServiceId = service.Id, DocumentType = DocumentTypes.ReferralForm, Required = true },
                new() { Id = Guid.NewGuid(), ServiceId = service.Id, DocumentType = DocumentTypes.Formulation, Required = true },
                new() { Id = Guid.NewGuid(), ServiceId = service.Id, DocumentType = DocumentTypes.OASys, Required = true },
                new() { Id = Guid.NewGuid(), ServiceId = service.Id, DocumentType = DocumentTypes.PreSentenceReport, Required = false },
            ];
            service.Strands =
            [
                new() { Id = Guid.NewGuid(), ServiceId = service.Id, Name = "Emotional support", WorkerRole = "fmhp" },
                new() { Id = Guid.NewGuid(), ServiceId = service.Id, Name = "Practical support", WorkerRole = "clw", InterventionList = Interventions.Practical },
            ];
            configure?.Invoke(service);
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return service;
        });

    /// <summary>A referral in the given state, with every answer filled in and, optionally, the service's required documents.</summary>
    public Task<Referral> CreateReferralAsync(Guid personId, Service service, Guid referringOrganisationId, Guid referrerUserId, ReferralState state = ReferralState.Draft, bool withRequiredDocuments = true) =>
        factory.WithDbAsync(async db =>
        {
            var now = factory.UtcNow;
            var referral = new Referral
            {
                Id = Guid.NewGuid(),
                PersonId = personId,
                ServiceId = service.Id,
                ReferringOrganisationId = referringOrganisationId,
                CreatedByUserId = referrerUserId,
                Source = ReferralSource.Probation,
                Reason = "Struggling to engage with supervision after release",
                HelpWanted = "Somewhere stable to live",
                PersonSetting = ServiceSetting.Community,
                SharingBasis = SharingBasis.Consent,
                ConsentGivenOn = Display.LondonDate(now),
                State = state,
                CreatedAt = now,
                SubmittedAt = state == ReferralState.Draft ? null : now,
            };
            if (withRequiredDocuments)
            {
                referral.Documents = service.Documents.Where(d => d.Required).Select(d => new ReferralDocument
                {
                    Id = Guid.NewGuid(),
                    ReferralId = referral.Id,
                    DocumentType = d.DocumentType,
                    FileName = d.DocumentType + ".pdf",
                    StoredName = Guid.NewGuid().ToString("N"),
                    ContentType = "application/pdf",
                    Size = 10,
                    Sha256 = new string('0', 64),
                    UploadedAt = now,
                    UploadedByUserId = referrerUserId,
                }).ToList();
            }

            db.Referrals.Add(referral);
            if (state != ReferralState.Draft && service.OrganisationId != referringOrganisationId)
            {
                // As the referral service leaves it: the role a decided-against referral gave has ended.
                var ended = state is ReferralState.Declined or ReferralState.Withdrawn;
                db.PersonCareRoles.Add(new Web.Domain.People.PersonCareRole
                {
                    Id = Guid.NewGuid(),
                    PersonId = personId,
                    OrganisationId = service.OrganisationId,
                    Kind = Web.Domain.People.CareRoleKind.Referral,
                    ReferralId = referral.Id,
                    StartedAt = now,
                    EndedAt = ended ? now : null,
                    EndReason = ended ? "Referral " + state.ToString().ToLowerInvariant() : null,
                });
            }

            await db.SaveChangesAsync();
            return referral;
        });

    /// <summary>Opens an episode with the given worker on the service's first strand, to fill a caseload.</summary>
    public Task<Episode> CreateEpisodeAsync(Guid personId, Service service, Guid referralId, Guid workerId) =>
        factory.WithDbAsync(async db =>
        {
            var now = factory.UtcNow;
            var today = Display.LondonDate(now);
            var episode = new Episode
            {
                Id = Guid.NewGuid(),
                PersonId = personId,
                ServiceId = service.Id,
                ReferralId = referralId,
                ServiceOrganisationId = service.OrganisationId,
                ReferringOrganisationId = await db.Referrals.Where(r => r.Id == referralId).Select(r => (Guid?)r.ReferringOrganisationId).SingleOrDefaultAsync() ?? service.OrganisationId,
                StartedOn = today,
                PlannedEndOn = today.AddMonths(service.MaximumEpisodeMonths),
                CreatedAt = now,
                Strands = [new EpisodeStrand { Id = Guid.NewGuid(), ServiceStrandId = service.Strands[0].Id, WorkerUserId = workerId, StartedAt = now, AllocatedByUserId = workerId }],
            };
            db.Episodes.Add(episode);
            await db.SaveChangesAsync();
            return episode;
        });

    /// <summary>A practitioner in the organisation with a job role, languages and gender identity, for worker matching.</summary>
    public async Task<TestUser> CreateWorkerAsync(Guid organisationId, string jobRole, string[]? languages = null, string? genderIdentity = null, string? displayName = null)
    {
        var user = await new TestData(factory).CreateUserAsync(organisationId, StaffRoles.Practitioner);
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.JobRole = jobRole;
            stored.Languages = [.. languages ?? []];
            stored.GenderIdentity = genderIdentity;
            stored.DisplayName = displayName ?? stored.DisplayName;
            await db.SaveChangesAsync();
            return stored;
        });
        return user with { DisplayName = displayName ?? user.DisplayName };
    }

    /// <summary>
    /// A referral from a probation organisation to a service run by another organisation, with a manager on each side,
    /// about a person who meets the service's rules.
    /// </summary>
    public async Task<ReferralScenario> CreateScenarioAsync(ReferralState state, bool withRequiredDocuments = true, Func<PersonDetails, PersonDetails>? person = null, Action<Service>? service = null)
    {
        var data = new TestData(factory);
        var referring = await data.CreateOrganisationAsync();
        var receiving = await data.CreateOrganisationAsync(Web.Domain.Organisations.OrganisationKind.NhsTrust);
        var referrer = await data.CreateUserAsync(referring.Id, StaffRoles.Manager);
        var manager = await data.CreateUserAsync(receiving.Id, StaffRoles.Manager);
        var personId = await data.CreatePersonAsync(referring.Id, d => (person ?? (p => p))(d with { GenderIdentity = "man", OpdScreeningResult = OpdScreeningResult.ScreenedIn }));
        var created = await CreateServiceAsync(receiving.Id, service);
        var referral = await CreateReferralAsync(personId, created, referring.Id, referrer.Id, state, withRequiredDocuments);
        return new ReferralScenario(referrer, manager, personId, created, referral);
    }
}

public sealed record ReferralScenario(TestUser Referrer, TestUser Manager, Guid PersonId, Service Service, Referral Referral);
