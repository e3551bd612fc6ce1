using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.ReferenceData;
using Throughcare.Web.Domain.Referrals;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Security;

namespace Throughcare.Web.Domain.Episodes;

/// <summary>One happening in a person's story with the services: the MoJ timeline's item.</summary>
public sealed record TimelineEntry(DateTime At, string Kind, string Title, string? By, string? Description, PageLink? Link, bool Restricted = false);

/// <summary>The page an entry opens, as a page name and its route values, so the view asks the routing system for the URL.</summary>
public sealed record PageLink(string Page, object Values);

/// <summary>
/// Everything that happened with a person across referrals and episodes, in one chronological list, as the viewer may
/// see it: referrals through the referral access filter (screening notes never); an episode's contacts, measures,
/// reviews and allocations only for its service team; restricted notes only for the episode's team and the data
/// protection officer; the referring organisation sees only an episode's state changes.
/// </summary>
public static class Timeline
{
    public const string Referrals = "referrals";
    public const string Decisions = "decisions";
    public const string Allocations = "allocations";
    public const string Contacts = "contacts";
    public const string Measures = "measures";
    public const string Reviews = "reviews";
    public const string States = "states";

    public static readonly IReadOnlyList<(string Kind, string Label)> Kinds =
    [
        (Referrals, "Referrals"), (Decisions, "Decisions"), (Allocations, "Allocations"), (Contacts, "Contacts"),
        (Measures, "Outcome measures"), (Reviews, "Reviews and assessments"), (States, "State changes"),
    ];

    public static async Task<IReadOnlyList<TimelineEntry>> BuildAsync(ThroughcareDbContext db, CurrentUser user, Guid personId, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        var organisationId = user.OrganisationId;
        var userId = user.UserId;
        var roles = user.Roles;

        var referrals = await db.Referrals.AsNoTracking().Include(r => r.Service).Include(r => r.Transitions)
            .Where(r => r.PersonId == personId && (r.State != ReferralState.Draft || r.ReferringOrganisationId == organisationId))
            .ToListAsync(cancellationToken);
        var organisationIds = referrals.Select(r => r.ReferringOrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        foreach (var referral in referrals)
        {
            var href = new PageLink("/Referrals/View", new { referralId = referral.Id });
            entries.Add(new TimelineEntry(referral.CreatedAt, Referrals, $"Referral to {referral.Service!.Name} started", organisations.GetValueOrDefault(referral.ReferringOrganisationId), null, href));
            foreach (var t in referral.Transitions)
            {
                var kind = t.To is ReferralState.Submitted ? Referrals : Decisions;
                var title = t.To switch
                {
                    ReferralState.Submitted => $"Referral to {referral.Service.Name} sent",
                    ReferralState.AwaitingInformation => $"Referral to {referral.Service.Name}: information asked for",
                    ReferralState.Screening => $"Referral to {referral.Service.Name} in screening",
                    _ => $"Referral to {referral.Service.Name} {ReferralStates.Label(t.To).ToLowerInvariant()}",
                };
                var reason = t.Reason is { } r ? ReferralStates.Label(r) : null;
                entries.Add(new TimelineEntry(t.At, kind, title, t.ByUserId?.ToString(), reason, href));
            }
        }

        var episodes = await db.Episodes.AsNoTracking().Include(e => e.Strands).Where(e => e.PersonId == personId).ToListAsync(cancellationToken);
        var serviceIds = episodes.Select(e => e.ServiceId).Distinct().ToList();
        var services = await db.Services.AsNoTracking().Include(s => s.Strands).Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var teamEpisodes = new List<Episode>();
        var restrictedAllowed = new HashSet<Guid>();
        foreach (var episode in episodes)
        {
            var inService = organisationId == episode.ServiceOrganisationId;
            var isTeam = inService && (roles.Contains(StaffRoles.Practitioner) || roles.Contains(StaffRoles.Manager) || roles.Contains(StaffRoles.DataProtectionOfficer));
            if (isTeam)
            {
                teamEpisodes.Add(episode);
                if (roles.Contains(StaffRoles.Manager) || roles.Contains(StaffRoles.DataProtectionOfficer) || episode.Strands.Any(s => s.WorkerUserId == userId))
                {
                    restrictedAllowed.Add(episode.Id);
                }
            }
        }

        var episodeIds = episodes.Select(e => e.Id).ToList();
        var teamIds = teamEpisodes.Select(e => e.Id).ToList();
        var transitions = await db.EpisodeTransitions.AsNoTracking().Where(t => episodeIds.Contains(t.EpisodeId)).ToListAsync(cancellationToken);
        foreach (var episode in episodes)
        {
            var service = services[episode.ServiceId];
            var href = new PageLink("/Episodes/Index", new { episodeId = episode.Id });
            var isTeam = teamIds.Contains(episode.Id);
            entries.Add(new TimelineEntry(episode.CreatedAt, States, $"Episode with {service.Name} opened", null, null, href));
            foreach (var t in transitions.Where(t => t.EpisodeId == episode.Id))
            {
                entries.Add(new TimelineEntry(t.At, States, $"Episode with {service.Name}: {EpisodeStates.Label(t.To).ToLowerInvariant()}", t.ByUserId?.ToString(), isTeam ? t.Reason : null, href));
            }

            if (episode.State == EpisodeState.Closed && episode.ClosedAt is { } closedAt && !isTeam)
            {
                entries.Add(new TimelineEntry(closedAt, States, $"Episode with {service.Name} closed", null,
                    $"{(episode.CloseReason is { } reason ? EpisodeStates.Label(reason) : "")}. {episode.EndOfServiceSummary}", href));
            }

            if (!isTeam)
            {
                continue;
            }

            foreach (var strand in episode.Strands)
            {
                var name = service.Strands.SingleOrDefault(s => s.Id == strand.ServiceStrandId)?.Name ?? "Strand";
                entries.Add(new TimelineEntry(strand.StartedAt, Allocations, $"{name} allocated", strand.WorkerUserId.ToString(), strand.AllocationReason, href));
                if (strand.EndedAt is { } ended)
                {
                    entries.Add(new TimelineEntry(ended, Allocations, $"{name} ended", strand.EndedByUserId?.ToString(), strand.EndReason, href));
                }
            }
        }

        if (teamIds.Count > 0)
        {
            var strandNames = services.Values.SelectMany(s => s.Strands).ToDictionary(s => s.Id, s => s.Name);
            var contacts = await db.Contacts.AsNoTracking().Where(c => teamIds.Contains(c.EpisodeId)).ToListAsync(cancellationToken);
            foreach (var c in contacts)
            {
                var restricted = c.NoteRestricted && !restrictedAllowed.Contains(c.EpisodeId);
                var interventions = c.Interventions.Count == 0 ? "" : $" Interventions: {string.Join(", ", c.Interventions.Select(Interventions.Label))}.";
                entries.Add(new TimelineEntry(c.OccurredAt, Contacts,
                    $"{(c.IsReengagementAttempt ? "Re-engagement attempt" : "Contact")}: {EpisodeStates.Label(c.Mode).ToLowerInvariant()}, {EpisodeStates.Label(c.Attendance).ToLowerInvariant()}",
                    c.RecordedByUserId.ToString(),
                    $"{strandNames.GetValueOrDefault(c.ServiceStrandId, "Strand")}, {c.DurationMinutes} minutes.{interventions}{(restricted || c.Note is null ? "" : $"\n{c.Note}")}",
                    new PageLink("/Episodes/Contacts/View", new { episodeId = c.EpisodeId, contactId = c.Id }),
                    restricted));
            }

            var measures = await db.MeasureResults.AsNoTracking().Where(m => teamIds.Contains(m.EpisodeId)).ToListAsync(cancellationToken);
            var instrumentIds = measures.Select(m => m.InstrumentId).Distinct().ToList();
            var instruments = await db.Instruments.Where(i => instrumentIds.Contains(i.Id)).Select(i => new { i.Id, i.Name }).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
            foreach (var m in measures)
            {
                entries.Add(new TimelineEntry(m.RecordedAt, Measures, $"{instruments.GetValueOrDefault(m.InstrumentId, "Measure")}: {m.Score}{(m.Band is null ? "" : $" ({m.Band})")}",
                    m.RecordedByUserId.ToString(), $"{EpisodeStates.Label(m.Occasion)} measure taken on {Infrastructure.Web.Display.Date(m.TakenOn)}", new PageLink("/Episodes/Measures/Index", new { episodeId = m.EpisodeId })));
            }

            var reviews = await db.EpisodeReviews.AsNoTracking().Where(r => teamIds.Contains(r.EpisodeId)).ToListAsync(cancellationToken);
            entries.AddRange(reviews.Select(r => new TimelineEntry(r.RecordedAt, Reviews, "Review held", r.RecordedByUserId.ToString(), r.Summary, new PageLink("/Episodes/Reviews/Index", new { episodeId = r.EpisodeId }))));
            var assessments = await db.NeedsAssessments.AsNoTracking().Where(a => teamIds.Contains(a.EpisodeId)).ToListAsync(cancellationToken);
            entries.AddRange(assessments.Select(a => new TimelineEntry(a.RecordedAt, Reviews, $"Needs assessment ({EpisodeStates.Label(a.Occasion).ToLowerInvariant()})", a.RecordedByUserId.ToString(), a.Note, new PageLink("/Episodes/Plan/Index", new { episodeId = a.EpisodeId }))));
            var reflections = await db.ReflectiveReviews.AsNoTracking().Where(r => teamIds.Contains(r.EpisodeId)).ToListAsync(cancellationToken);
            entries.AddRange(reflections.Select(r => new TimelineEntry(r.RecordedAt, Reviews, "Reflective review", r.RecordedByUserId.ToString(), r.WhatIsGoingOn, new PageLink("/Episodes/Engagement/Index", new { episodeId = r.EpisodeId }))));
        }

        // "By" holds a user id until names are resolved in one query.
        var ids = entries.Select(e => Guid.TryParse(e.By, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.DisplayName, cancellationToken);
        return entries
            .Select(e => e.By is { } by && Guid.TryParse(by, out _) ? e with { By = names.GetValueOrDefault(by, "A member of staff") } : e)
            .OrderByDescending(e => e.At)
            .ThenByDescending(e => Sequence(e.Kind))
            .ThenBy(e => e.Title, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The order of things that happen at one instant: a referral before its decision, an episode before its allocations.</summary>
    private static int Sequence(string kind) => kind switch
    {
        Referrals => 0,
        Decisions => 1,
        States => 2,
        Allocations => 3,
        Contacts => 4,
        Measures => 5,
        _ => 6,
    };
}
