using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Security;
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
                db.PersonCareRoles.Add(new Core.Domain.People.PersonCareRole
                {
                    Id = Guid.NewGuid(),
                    PersonId = personId,
                    OrganisationId = service.OrganisationId,
                    Kind = Core.Domain.People.CareRoleKind.Referral,
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
        var receiving = await data.CreateOrganisationAsync(Core.Domain.Organisations.OrganisationKind.NhsTrust);
        var referrer = await data.CreateUserAsync(referring.Id, StaffRoles.Manager);
        var manager = await data.CreateUserAsync(receiving.Id, StaffRoles.Manager);
        var personId = await data.CreatePersonAsync(referring.Id, d => (person ?? (p => p))(d with { GenderIdentity = "man", OpdScreeningResult = OpdScreeningResult.ScreenedIn }));
        var created = await CreateServiceAsync(receiving.Id, service);
        var referral = await CreateReferralAsync(personId, created, referring.Id, referrer.Id, state, withRequiredDocuments);
        return new ReferralScenario(referrer, manager, personId, created, referral);
    }
}

/// <summary>Runs domain services outside a page, as a request by a member of staff would.</summary>
public static class StaffScope
{
    /// <summary>Runs the work in a scope of its own, signed in as this member of staff and seeing what their organisation may.</summary>
    public static async Task<T> RunAsAsync<T>(ThroughcareFactory factory, TestUser user, Func<IServiceProvider, Task<T>> work)
    {
        var accessor = factory.Services.GetRequiredService<IHttpContextAccessor>();
        var previous = accessor.HttpContext;
        accessor.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Name, user.Email),
                new Claim(ThroughcareClaims.OrganisationId, user.OrganisationId.ToString()),
            ], "Test")),
        };
        try
        {
            await using var scope = factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().ForOrganisation(user.OrganisationId);
            return await work(scope.ServiceProvider);
        }
        finally
        {
            accessor.HttpContext = previous;
        }
    }
}

/// <summary>Moves a host's clock to where UK and UTC dates differ.</summary>
public static class ReferralTestClock
{
    /// <summary>
    /// Moves the host's clock on to the next 23:30 UTC: half past midnight in the UK in summer, when the UK date is a day
    /// ahead of the UTC date. Returns that UK date. The clock only moves forward, so later tests in the class run then too.
    /// </summary>
    public static DateOnly MoveToJustAfterUkMidnight(this ThroughcareFactory factory)
    {
        var now = factory.Clock.GetUtcNow();
        var target = new DateTimeOffset(now.UtcDateTime.Date.AddHours(23).AddMinutes(30), TimeSpan.Zero);
        factory.Clock.SetUtcNow(target > now ? target : target.AddDays(1));
        var today = factory.Today;
        today.ShouldBe(DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(1), "the clock must be where the UK date is ahead of the UTC date");
        return today;
    }
}

public sealed record ReferralScenario(TestUser Referrer, TestUser Manager, Guid PersonId, Service Service, Referral Referral);
