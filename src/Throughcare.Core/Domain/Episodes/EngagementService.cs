using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Notifications;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Episodes;

public sealed record ReflectiveReviewOptions
{
    public required Guid EpisodeId { get; init; }
    public required string WhatIsGoingOn { get; init; }
    public required string WhatMayHaveBeenMissed { get; init; }
    public required string WhatWasTried { get; init; }
    public required Guid SubmissionId { get; init; }
}

public sealed record ClosureOptions
{
    public required Guid EpisodeId { get; init; }
    public required Guid Version { get; init; }
    public required EpisodeCloseReason Reason { get; init; }
    public string? ReasonText { get; init; }
    public required string Summary { get; init; }

    /// <summary>The outcome of each of the episode's goals, by goal id.</summary>
    public IReadOnlyDictionary<Guid, GoalOutcome> GoalOutcomes { get; init; } = new Dictionary<Guid, GoalOutcome>();
}

/// <summary>One re-engagement attempt as the closure rules count it.</summary>
public sealed record ReengagementAttempt(Guid ContactId, DateTime OccurredAt, ContactMode Mode, Attendance Attendance);

/// <summary>
/// What closing for disengagement still needs since the episode last became disengaged: a reflective review and
/// enough attempts to re-engage, on different days and in more than one way.
/// </summary>
public sealed record DisengagementReadiness(DateTime? DisengagedSince, bool ReviewRecorded, IReadOnlyList<ReengagementAttempt> Attempts, int Minimum, IReadOnlyList<string> Missing)
{
    public int DifferentDates => Attempts.Select(a => Display.LondonDate(a.OccurredAt)).Distinct().Count();

    public bool Ready => Missing.Count == 0;
}

/// <summary>
/// Disengagement is never a silent closure: the team reflects and tries to re-engage first. This service moves an
/// episode between active and disengaged, records reflective reviews, and runs closure from proposal to a manager's
/// sign-off.
/// </summary>
public sealed class EngagementService(EpisodeWork work, Outbox outbox, CareRoles careRoles)
{
    private ThroughcareDbContext Db => work.Db;

    public Task<WriteResult> DisengageAsync(Guid episodeId, Guid version, string reason, CancellationToken cancellationToken) =>
        work.ChangeAsync(episodeId, version, Refusal? (Episode episode) =>
        {
            return episode.State is EpisodeState.Engaging or EpisodeState.Active
                ? work.Move(episode, EpisodeState.Disengaged, reason)
                : $"Only an engaging or active episode can be marked disengaged; this one is {EpisodeStates.Label(episode.State).ToLowerInvariant()}";
        }, cancellationToken);

    public Task<WriteResult> ReengageAsync(Guid episodeId, Guid version, string reason, CancellationToken cancellationToken) =>
        work.ChangeAsync(episodeId, version, Refusal? (Episode episode) =>
        {
            return episode.State == EpisodeState.Disengaged
                ? work.Move(episode, EpisodeState.Active, reason)
                : "Only a disengaged episode can be re-engaged";
        }, cancellationToken);

    public Task<WriteResult> RecordReflectiveReviewAsync(ReflectiveReviewOptions options, CancellationToken cancellationToken)
    {
        // Its page goes back to the episode, so the answer is the episode's id, as the first submission's was.
        var existing = Db.ReflectiveReviews.Where(r => r.SubmissionId == options.SubmissionId && r.EpisodeId == options.EpisodeId).Select(r => (Guid?)r.EpisodeId);
        return work.AddOnceAsync(options.EpisodeId, existing, options.EpisodeId, Refusal? (Episode episode) =>
        {
            if (episode.State is not (EpisodeState.Disengaged or EpisodeState.Closing))
            {
                return "A reflective review is recorded while the episode is disengaged";
            }

            var review = work.Add(new ReflectiveReview
            {
                Id = Guid.NewGuid(),
                EpisodeId = episode.Id,
                WhatIsGoingOn = options.WhatIsGoingOn,
                WhatMayHaveBeenMissed = options.WhatMayHaveBeenMissed,
                WhatWasTried = options.WhatWasTried,
                RecordedAt = work.Now,
                RecordedByUserId = work.User.UserId!.Value,
                SubmissionId = options.SubmissionId,
            });
            work.Record(new ReflectiveReviewRecorded(episode.Id, episode.PersonId, review.Id));
            return null;
        }, cancellationToken);
    }

    public async Task<WriteResult> ProposeClosureAsync(ClosureOptions options, CancellationToken cancellationToken)
    {
        var goals = await Db.Goals.Where(g => g.EpisodeId == options.EpisodeId).OrderBy(g => g.CreatedAt).ToListAsync(cancellationToken);
        return await work.ChangeAsync(options.EpisodeId, options.Version, async episode =>
        {
            if (episode.State == EpisodeState.Closing)
            {
                return "A closure has already been proposed and is waiting for a manager's sign-off";
            }

            if (options.Reason == EpisodeCloseReason.Other && string.IsNullOrWhiteSpace(options.ReasonText))
            {
                return "Enter the reason for closing the episode";
            }

            if (goals.FirstOrDefault(g => !options.GoalOutcomes.ContainsKey(g.Id)) is { } missing)
            {
                return $"Select an outcome for the goal \u2018{missing.Description}\u2019";
            }

            var service = await Db.Services.AsNoTracking().SingleAsync(s => s.Id == episode.ServiceId, cancellationToken);
            if (options.Reason == EpisodeCloseReason.Disengaged)
            {
                var readiness = await ReadinessAsync(episode.Id, episode.State, service.MinimumReengagementAttempts, cancellationToken);
                if (!readiness.Ready)
                {
                    return readiness.Missing[0];
                }
            }

            var moved = work.Move(episode, EpisodeState.Closing, $"Closure proposed: {EpisodeStates.Label(options.Reason)}",
                from => new ClosureProposed(episode.Id, episode.PersonId, from, options.Reason));
            if (moved is not null)
            {
                return moved;
            }

            episode.CloseReason = options.Reason;
            episode.CloseReasonText = options.Reason == EpisodeCloseReason.Other || !string.IsNullOrWhiteSpace(options.ReasonText) ? options.ReasonText?.Trim() : null;
            episode.EndOfServiceSummary = options.Summary;
            episode.ClosureProposedByUserId = work.User.UserId;
            episode.ClosureProposedAt = work.Now;
            foreach (var goal in goals)
            {
                var outcome = options.GoalOutcomes[goal.Id];
                if (goal.Outcome != outcome)
                {
                    work.Record(new GoalUpdated(episode.Id, episode.PersonId, goal.Id, goal.Outcome, outcome));
                    goal.Outcome = outcome;
                    goal.Version = Guid.NewGuid();
                }
            }

            foreach (var email in await ManagerEmailsAsync(episode.ServiceOrganisationId, cancellationToken))
            {
                outbox.Queue(email, "An episode is waiting for your sign-off",
                    $"An episode on {service.Name} is waiting for your sign-off. Open Throughcare: {work.Link("/Episodes/Engagement/SignOff", new { episodeId = episode.Id })}");
            }

            return null;
        }, cancellationToken);
    }

    /// <summary>A manager confirms a proposed closure: the episode closes and every running strand ends.</summary>
    public Task<WriteResult> SignOffAsync(Guid episodeId, Guid version, CancellationToken cancellationToken) =>
        work.ChangeAsync(episodeId, version, async episode =>
        {
            if (RefuseUnlessManager(episode) is { } refused)
            {
                return refused;
            }

            var service = await Db.Services.AsNoTracking().SingleAsync(s => s.Id == episode.ServiceId, cancellationToken);
            if (episode.CloseReason == EpisodeCloseReason.Disengaged)
            {
                var from = await StateBeforeClosingAsync(episode.Id, cancellationToken);
                var readiness = await ReadinessAsync(episode.Id, from, service.MinimumReengagementAttempts, cancellationToken);
                if (!readiness.Ready)
                {
                    return readiness.Missing[0];
                }
            }

            var moved = work.Move(episode, EpisodeState.Closed, "Closure signed off", _ => new EpisodeClosed(episode.Id, episode.PersonId, episode.CloseReason));
            if (moved is not null)
            {
                return moved;
            }

            // One instant for the closure, its strands and the follow-up its care role ends after.
            var closedAt = work.Now;
            episode.ClosureSignedOffByUserId = work.User.UserId;
            episode.ClosedAt = closedAt;
            foreach (var strand in episode.Strands.Where(s => s.EndedAt is null))
            {
                strand.EndedAt = closedAt;
                strand.EndReason = "Episode closed";
                strand.EndedByUserId = work.User.UserId;
            }

            await careRoles.EndAfterFollowUpAsync(episode.ReferralId, closedAt, cancellationToken);
            var referrer = await Db.Referrals.IgnoreQueryFilters().Where(r => r.Id == episode.ReferralId)
                .Select(r => Db.Users.Where(u => u.Id == r.CreatedByUserId && u.DisabledAt == null).Select(u => u.Email).FirstOrDefault())
                .SingleOrDefaultAsync(cancellationToken);
            outbox.Queue(referrer, "An episode has closed", $"An episode on {service.Name} that your organisation referred has closed. Open Throughcare to see the closure summary.");
            return null;
        }, cancellationToken);

    /// <summary>A manager sends a proposed closure back: the episode returns to the state it was in before.</summary>
    public Task<WriteResult> ReturnClosureAsync(Guid episodeId, Guid version, string reason, CancellationToken cancellationToken) =>
        work.ChangeAsync(episodeId, version, async episode =>
        {
            if (RefuseUnlessManager(episode) is { } refused)
            {
                return refused;
            }

            var to = await StateBeforeClosingAsync(episode.Id, cancellationToken);
            var moved = work.Move(episode, to, $"Closure returned: {reason}", _ => new ClosureReturned(episode.Id, episode.PersonId, to, episode.CloseReason, reason));
            if (moved is not null)
            {
                return moved;
            }

            episode.CloseReason = null;
            episode.CloseReasonText = null;
            episode.ClosureProposedAt = null;
            episode.ClosureProposedByUserId = null;
            return null;
        }, cancellationToken);

    /// <summary>What closing for disengagement needs, counted since the episode last became disengaged.</summary>
    public async Task<DisengagementReadiness> ReadinessAsync(Guid episodeId, EpisodeState state, int minimum, CancellationToken cancellationToken)
    {
        var since = await Db.EpisodeTransitions.Where(t => t.EpisodeId == episodeId && t.To == EpisodeState.Disengaged)
            .OrderByDescending(t => t.At).Select(t => (DateTime?)t.At).FirstOrDefaultAsync(cancellationToken);
        var reviews = Db.ReflectiveReviews.Where(r => r.EpisodeId == episodeId);
        var contacts = Db.Contacts.AsNoTracking().Where(c => c.EpisodeId == episodeId && c.IsReengagementAttempt);
        if (since is { } from)
        {
            reviews = reviews.Where(r => r.RecordedAt >= from);
            contacts = contacts.Where(c => c.OccurredAt >= from);
        }

        var reviewed = await reviews.AnyAsync(cancellationToken);
        var attempts = (await contacts
            .Select(c => new ReengagementAttempt(c.Id, c.OccurredAt, c.Mode, c.Attendance)).ToListAsync(cancellationToken))
            .OrderBy(a => a.OccurredAt).ToList();

        var missing = new List<string>();
        if (state != EpisodeState.Disengaged)
        {
            missing.Add("Mark the episode disengaged before closing for disengagement");
        }

        if (!reviewed)
        {
            missing.Add("Record a reflective review before closing for disengagement");
        }

        var dates = attempts.Select(a => Display.LondonDate(a.OccurredAt)).Distinct().Count();
        if (dates < minimum)
        {
            missing.Add(attempts.Count >= minimum
                ? $"Make at least {minimum} re-engagement attempts on different dates before closing ({dates} different {(dates == 1 ? "date" : "dates")} so far)"
                : $"Make at least {minimum} re-engagement attempts on different dates before closing ({attempts.Count} so far)");
        }

        var modes = attempts.Select(a => a.Mode).Distinct().ToList();
        if (minimum >= 2 && attempts.Count > 0 && modes.Count < 2)
        {
            missing.Add($"Try more than one way of reaching the person (all attempts so far were by {EpisodeStates.Label(modes[0]).ToLowerInvariant()})");
        }

        return new DisengagementReadiness(since, reviewed, attempts, minimum, missing);
    }

    /// <summary>The state an episode was in before its closure was proposed.</summary>
    public async Task<EpisodeState> StateBeforeClosingAsync(Guid episodeId, CancellationToken cancellationToken) =>
        await Db.EpisodeTransitions.Where(t => t.EpisodeId == episodeId && t.To == EpisodeState.Closing)
            .OrderByDescending(t => t.At).Select(t => (EpisodeState?)t.From).FirstOrDefaultAsync(cancellationToken) ?? EpisodeState.Active;

    private string? RefuseUnlessManager(Episode episode)
    {
        if (!work.User.Roles.Contains(StaffRoles.Manager))
        {
            return "Only a manager can sign off a closure";
        }

        return episode.State == EpisodeState.Closing ? null : "No closure is waiting for sign-off";
    }

    private async Task<List<string>> ManagerEmailsAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var managerRole = Db.Roles.Where(r => r.Name == StaffRoles.Manager).Select(r => r.Id);
        return await Db.Users.Where(u => u.OrganisationId == organisationId && u.DisabledAt == null && !u.IsIntegration
                && Db.UserRoles.Any(ur => ur.UserId == u.Id && managerRole.Contains(ur.RoleId)))
            .Select(u => u.Email!).Where(e => e != null).ToListAsync(cancellationToken);
    }
}
