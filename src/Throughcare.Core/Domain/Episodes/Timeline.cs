using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Episodes;

/// <summary>The page an entry links to, by its page name and route values: the view asks routing for the address.</summary>
public sealed record TimelineLink(string Page, IReadOnlyDictionary<string, string> RouteValues)
{
    public static TimelineLink Referral(Guid referralId) => new("/Referrals/View", new Dictionary<string, string> { ["referralId"] = referralId.ToString() });

    public static TimelineLink Episode(Guid episodeId, string page = "/Episodes/Index") => new(page, new Dictionary<string, string> { ["episodeId"] = episodeId.ToString() });

    public static TimelineLink Contact(Guid episodeId, Guid contactId) =>
        new("/Episodes/Contacts/View", new Dictionary<string, string> { ["episodeId"] = episodeId.ToString(), ["contactId"] = contactId.ToString() });
}

/// <summary>
/// One happening in a person's story with the services: the MoJ timeline's item. Restricted says a restricted note is
/// held back from this viewer; ShowsRestrictedNote that this entry shows one (its read is recorded as such).
/// </summary>
public sealed record TimelineEntry(
    DateTime At, string Kind, string Title, string? By, string? Description, TimelineLink? Link, bool Restricted = false, bool ShowsRestrictedNote = false);

/// <summary>
/// Everything that happened with a person across referrals and episodes, in one chronological list, as the viewer may
/// see it. It decides nothing about access itself: it asks <see cref="ReferralAccess"/> and <see cref="EpisodeAccess"/>
/// for every referral and episode about the person with the viewer's rights on each, and shows of each what those rights
/// allow: a referral with <see cref="ReferralRight.See"/> (its screening notes never); of an episode, its state and
/// closure summary with <see cref="EpisodeRight.SeeOverview"/>, the team's work (allocations, contacts, measures,
/// reviews, reasons for state changes) with <see cref="EpisodeRight.See"/>, and restricted notes only with
/// <see cref="EpisodeRight.SeeRestricted"/>.
/// </summary>
public static partial class Timeline
{
    public const string Referrals = "referrals";
    public const string Decisions = "decisions";
    public const string Allocations = "allocations";
    public const string Contacts = "contacts";
    public const string Measures = "measures";
    public const string Reviews = "reviews";
    public const string States = "states";
    public const string Custody = "custody";

    public static readonly IReadOnlyList<(string Kind, string Label)> Kinds =
    [
        (Referrals, "Referrals"), (Decisions, "Decisions"), (Allocations, "Allocations"), (Contacts, "Contacts"),
        (Measures, "Outcome measures"), (Reviews, "Reviews and assessments"), (States, "State changes"), (Custody, "Custody and journey"),
    ];

    public static async Task<IReadOnlyList<TimelineEntry>> BuildAsync(
        ThroughcareDbContext db, ReferralAccess referralAccess, EpisodeAccess episodeAccess, Custody.CustodyAccess custodyAccess, Guid personId, CancellationToken cancellationToken)
    {
        var entries = new List<Entry>();
        var referrals = (await referralAccess.ListForPeopleAsync([personId], cancellationToken)).Cast<ReferralInView>().ToList();
        await AddReferralsAsync(db, referrals, entries, cancellationToken);
        var episodes = (await episodeAccess.ListForPeopleAsync([personId], cancellationToken)).Cast<EpisodeInView>().ToList();
        await AddEpisodesAsync(db, episodes, entries, cancellationToken);
        await AddTeamWorkAsync(db, episodes.Where(e => e.May(EpisodeRight.See)).ToList(), entries, cancellationToken);
        await AddCustodyAsync(db, custodyAccess, personId, entries, cancellationToken);

        // Who did each thing, by name, looked up once.
        var ids = entries.Select(e => e.ByUserId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return entries
            .Select(e => e.Shown with { By = e.ByUserId is { } id ? names.GetValueOrDefault(id, "A member of staff") : e.Shown.By })
            .OrderByDescending(e => e.At)
            .ThenByDescending(e => Sequence(e.Kind))
            .ThenBy(e => e.Title, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Each referral the viewer may see: when it was started (by the referring organisation) and each move it made.</summary>
    private static async Task AddReferralsAsync(ThroughcareDbContext db, List<ReferralInView> referrals, List<Entry> entries, CancellationToken cancellationToken)
    {
        var referralIds = referrals.Select(r => r.Id).ToList();
        var started = await db.Referrals.AsNoTracking().Where(r => referralIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.CreatedAt, cancellationToken);
        var transitions = await db.ReferralTransitions.AsNoTracking().Where(t => referralIds.Contains(t.ReferralId)).ToListAsync(cancellationToken);
        var organisationIds = referrals.Select(r => r.ReferringOrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        foreach (var referral in referrals)
        {
            var link = TimelineLink.Referral(referral.Id);
            var service = referral.ServiceName;
            entries.Add(new(new(started[referral.Id], Referrals, $"Referral to {service} started", organisations.GetValueOrDefault(referral.ReferringOrganisationId), null, link)));
            foreach (var t in transitions.Where(t => t.ReferralId == referral.Id))
            {
                var title = t.To switch
                {
                    ReferralState.Submitted => $"Referral to {service} sent",
                    ReferralState.AwaitingInformation => $"Referral to {service}: information asked for",
                    ReferralState.Screening => $"Referral to {service} in screening",
                    _ => $"Referral to {service} {ReferralStates.Label(t.To).ToLowerInvariant()}",
                };
                var reason = t.Reason is { } r ? ReferralStates.Label(r) : null;
                entries.Add(new(new(t.At, t.To is ReferralState.Submitted ? Referrals : Decisions, title, null, reason, link), t.ByUserId));
            }
        }
    }

    /// <summary>
    /// Each episode's overview: opened, its state changes (with the team's reason only for those who see the episode),
    /// and for those who see only the overview, the closure summary.
    /// </summary>
    private static async Task AddEpisodesAsync(ThroughcareDbContext db, List<EpisodeInView> episodes, List<Entry> entries, CancellationToken cancellationToken)
    {
        var episodeIds = episodes.Select(e => e.Id).ToList();
        var overviews = await db.Episodes.AsNoTracking().Where(e => episodeIds.Contains(e.Id))
            .Select(e => new { e.Id, e.CreatedAt, e.ClosedAt, e.CloseReason, e.EndOfServiceSummary })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var transitions = await db.EpisodeTransitions.AsNoTracking().Where(t => episodeIds.Contains(t.EpisodeId)).ToListAsync(cancellationToken);
        foreach (var episode in episodes)
        {
            var overview = overviews[episode.Id];
            var link = TimelineLink.Episode(episode.Id);
            var seesWork = episode.May(EpisodeRight.See);
            entries.Add(new(new(overview.CreatedAt, States, $"Episode with {episode.ServiceName} opened", null, null, link)));
            foreach (var t in transitions.Where(t => t.EpisodeId == episode.Id))
            {
                entries.Add(new(new(t.At, States, $"Episode with {episode.ServiceName}: {EpisodeStates.Label(t.To).ToLowerInvariant()}", null, seesWork ? t.Reason : null, link), t.ByUserId));
            }

            if (!seesWork && episode.State == EpisodeState.Closed && overview.ClosedAt is { } closedAt)
            {
                var summary = string.Join(". ", new[] { overview.CloseReason is { } reason ? EpisodeStates.Label(reason) : null, overview.EndOfServiceSummary }.Where(s => !string.IsNullOrWhiteSpace(s)));
                entries.Add(new(new(closedAt, States, $"Episode with {episode.ServiceName} closed", null, summary.Length == 0 ? null : summary, link)));
            }
        }
    }

    /// <summary>The service team's work in the episodes the viewer sees in full; restricted notes only where they may read them.</summary>
    private static async Task AddTeamWorkAsync(ThroughcareDbContext db, List<EpisodeInView> episodes, List<Entry> entries, CancellationToken cancellationToken)
    {
        if (episodes.Count == 0)
        {
            return;
        }

        var episodeIds = episodes.Select(e => e.Id).ToList();
        var mayReadRestricted = episodes.Where(e => e.May(EpisodeRight.SeeRestricted)).Select(e => e.Id).ToHashSet();
        var serviceIds = episodes.Select(e => e.ServiceId).Distinct().ToList();
        var strandNames = await db.ServiceStrands.AsNoTracking().Where(s => serviceIds.Contains(s.ServiceId)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);

        var strands = await db.EpisodeStrands.AsNoTracking().Where(s => episodeIds.Contains(s.EpisodeId)).ToListAsync(cancellationToken);
        foreach (var strand in strands)
        {
            var name = strandNames.GetValueOrDefault(strand.ServiceStrandId, "Strand");
            var link = TimelineLink.Episode(strand.EpisodeId);
            entries.Add(new(new(strand.StartedAt, Allocations, $"{name} allocated", null, strand.AllocationReason, link), strand.WorkerUserId));
            if (strand.EndedAt is { } ended)
            {
                entries.Add(new(new(ended, Allocations, $"{name} ended", null, strand.EndReason, link), strand.EndedByUserId));
            }
        }

        var contacts = await db.Contacts.AsNoTracking().Where(c => episodeIds.Contains(c.EpisodeId)).ToListAsync(cancellationToken);
        foreach (var c in contacts)
        {
            var held = c.NoteRestricted && !mayReadRestricted.Contains(c.EpisodeId);
            var interventions = c.Interventions.Count == 0 ? "" : $" Interventions: {string.Join(", ", c.Interventions.Select(Interventions.Label))}.";
            var note = held || c.Note is null ? "" : $"\n{c.Note}";
            entries.Add(new(
                new(c.OccurredAt, Contacts,
                    $"{(c.IsReengagementAttempt ? "Re-engagement attempt" : "Contact")}: {EpisodeStates.Label(c.Mode).ToLowerInvariant()}, {EpisodeStates.Label(c.Attendance).ToLowerInvariant()}",
                    null,
                    $"{strandNames.GetValueOrDefault(c.ServiceStrandId, "Strand")}, {c.DurationMinutes} minutes.{interventions}{note}",
                    TimelineLink.Contact(c.EpisodeId, c.Id),
                    Restricted: held,
                    ShowsRestrictedNote: c.NoteRestricted && !held && c.Note is not null),
                c.RecordedByUserId));
        }

        var measures = await db.MeasureResults.AsNoTracking().Where(m => episodeIds.Contains(m.EpisodeId)).ToListAsync(cancellationToken);
        var instrumentIds = measures.Select(m => m.InstrumentId).Distinct().ToList();
        var instruments = await db.Instruments.AsNoTracking().Where(i => instrumentIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        entries.AddRange(measures.Select(m => new Entry(
            new(m.RecordedAt, Measures, $"{instruments.GetValueOrDefault(m.InstrumentId, "Measure")}: {m.Score}{(m.Band is null ? "" : $" ({m.Band})")}", null,
                $"{EpisodeStates.Label(m.Occasion)} measure taken on {Infrastructure.Text.Display.Date(m.TakenOn)}", TimelineLink.Episode(m.EpisodeId, "/Episodes/Measures/Index")),
            m.RecordedByUserId)));

        var reviews = await db.EpisodeReviews.AsNoTracking().Where(r => episodeIds.Contains(r.EpisodeId)).ToListAsync(cancellationToken);
        entries.AddRange(reviews.Select(r => new Entry(
            new(r.RecordedAt, Reviews, "Review held", null, r.Summary, TimelineLink.Episode(r.EpisodeId, "/Episodes/Reviews/Index")), r.RecordedByUserId)));
        var assessments = await db.NeedsAssessments.AsNoTracking().Where(a => episodeIds.Contains(a.EpisodeId)).ToListAsync(cancellationToken);
        entries.AddRange(assessments.Select(a => new Entry(
            new(a.RecordedAt, Reviews, $"Needs assessment ({EpisodeStates.Label(a.Occasion).ToLowerInvariant()})", null, a.Note, TimelineLink.Episode(a.EpisodeId, "/Episodes/Plan/Index")),
            a.RecordedByUserId)));
        var reflections = await db.ReflectiveReviews.AsNoTracking().Where(r => episodeIds.Contains(r.EpisodeId)).ToListAsync(cancellationToken);
        entries.AddRange(reflections.Select(r => new Entry(
            new(r.RecordedAt, Reviews, "Reflective review", null, r.WhatIsGoingOn, TimelineLink.Episode(r.EpisodeId, "/Episodes/Engagement/Index")), r.RecordedByUserId)));
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

    /// <summary>An entry with the member of staff who did it, named once every entry is known.</summary>
    private sealed record Entry(TimelineEntry Shown, Guid? ByUserId = null);
}
