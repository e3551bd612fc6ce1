using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Referrals;

public sealed record WorkerSuggestion(Guid UserId, string Name, int Score, int OpenCases, int Capacity, IReadOnlyList<string> Reasons);

/// <summary>
/// Ranks the service organisation's workers for one strand: holding the strand's role first, then free capacity,
/// the person's preferred language, having worked with the person before and the person's stated preferences. A
/// manager is offered only when they hold the strand's job role.
/// Each suggestion carries the reasons for its place, so the manager can see why.
/// </summary>
public static class WorkerMatching
{
    public static async Task<IReadOnlyList<WorkerSuggestion>> SuggestAsync(ThroughcareDbContext db, Referral referral, Service service, ServiceStrand strand, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == referral.PersonId).Select(p => p.Details).SingleAsync(cancellationToken);
        var practitionerRoleIds = db.Roles.Where(r => r.Name == StaffRoles.Practitioner).Select(r => r.Id);
        var managerRoleIds = db.Roles.Where(r => r.Name == StaffRoles.Manager).Select(r => r.Id);

        // A manager who is not also a practitioner takes a case only in the job the strand needs: otherwise whoever
        // allocates would see themselves offered for their own service's caseload.
        var workers = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == service.OrganisationId && u.DisabledAt == null && !u.IsIntegration
                && (db.UserRoles.Any(ur => ur.UserId == u.Id && practitionerRoleIds.Contains(ur.RoleId))
                    || (u.JobRole == strand.WorkerRole && db.UserRoles.Any(ur => ur.UserId == u.Id && managerRoleIds.Contains(ur.RoleId)))))
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.JobRole,
                u.Languages,
                u.GenderIdentity,
                OpenCases = db.EpisodeStrands.Count(s => s.WorkerUserId == u.Id && s.EndedAt == null),
                WorkedBefore = db.EpisodeStrands.Any(s => s.WorkerUserId == u.Id && db.Episodes.Any(e => e.Id == s.EpisodeId && e.PersonId == referral.PersonId)),
            })
            .ToListAsync(cancellationToken);

        var language = person.PreferredLanguage is { } l && l != Languages.English ? l : null;
        return workers
            .Select(w =>
            {
                var reasons = new List<string>();
                var score = 0;
                if (w.JobRole == strand.WorkerRole)
                {
                    score += 1000;
                    reasons.Add($"Is a {JobRoles.All.LabelFor(strand.WorkerRole)?.ToLowerInvariant()}");
                }
                else
                {
                    reasons.Add($"Is not a {JobRoles.All.LabelFor(strand.WorkerRole)?.ToLowerInvariant()}");
                }

                var free = service.CaseloadCapacity - w.OpenCases;
                score += free > 0 ? 100 + (free * 10) : -100;
                reasons.Add(free > 0 ? $"{w.OpenCases} of {service.CaseloadCapacity} cases: room for {free} more" : $"Full: {w.OpenCases} of {service.CaseloadCapacity} cases");
                if (language is not null && w.Languages.Contains(language))
                {
                    score += 60;
                    reasons.Add($"Speaks {Languages.All.LabelFor(language)}");
                }

                if (w.WorkedBefore)
                {
                    score += 40;
                    reasons.Add("Has worked with this person before");
                }

                if (referral.PreferredWorkerGender is { } preferred)
                {
                    var matches = w.GenderIdentity == preferred;
                    score += matches ? 50 : 0;
                    reasons.Add(matches
                        ? $"Matches the person's preference for a {GenderIdentities.All.LabelFor(preferred)?.ToLowerInvariant()}"
                        : $"Does not match the person's preference for a {GenderIdentities.All.LabelFor(preferred)?.ToLowerInvariant()}");
                }

                return new WorkerSuggestion(w.Id, w.DisplayName, score, w.OpenCases, service.CaseloadCapacity, reasons);
            })
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }
}
