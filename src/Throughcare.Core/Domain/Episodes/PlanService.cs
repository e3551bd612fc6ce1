using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.ReferenceData;

namespace Throughcare.Core.Domain.Episodes;

public sealed record RecordNeeds
{
    public required Guid EpisodeId { get; init; }
    public required AssessmentOccasion Occasion { get; init; }
    public required DateOnly AssessedOn { get; init; }

    /// <summary>The level on every resettlement pathway, by pathway code.</summary>
    public required IReadOnlyDictionary<string, NeedLevel> Levels { get; init; }
    public string? Note { get; init; }
    public required Guid SubmissionId { get; init; }
}

public sealed record SetPriorities
{
    public required Guid EpisodeId { get; init; }
    public required Guid Version { get; init; }
    public required string First { get; init; }
    public string? Second { get; init; }
    public string? Third { get; init; }
}

public sealed record AddGoal
{
    public required Guid EpisodeId { get; init; }
    public required string Description { get; init; }
    public string? Pathway { get; init; }
    public required Guid SubmissionId { get; init; }
}

public sealed record AddAction
{
    public required Guid EpisodeId { get; init; }
    public required Guid GoalId { get; init; }
    public required string Description { get; init; }
    public required ActionOwner Owner { get; init; }
    public string? OwnerName { get; init; }
    public DateOnly? DueOn { get; init; }
    public required Guid SubmissionId { get; init; }
}

public sealed record UpdateAction
{
    public required Guid EpisodeId { get; init; }
    public required Guid ActionId { get; init; }
    public required Guid Version { get; init; }
    public required ActionStatus Status { get; init; }
    public DateOnly? DueOn { get; init; }
}

/// <summary>How the need on one pathway moved between the first assessment and the latest.</summary>
public enum NeedChange { Same, Down, Up }

/// <summary>The person's plan: needs assessments, their three hardest things, goals and the actions towards them.</summary>
public sealed class PlanService(EpisodeWork work, PathwayCatalogue pathways)
{
    public const string GoalPathwayNotListed = "Select a pathway from the list";

    public Task<WriteResult> RecordNeedsAsync(RecordNeeds options, CancellationToken cancellationToken)
    {
        var assessmentId = Guid.NewGuid();
        var existing = work.Db.NeedsAssessments.Where(a => a.SubmissionId == options.SubmissionId).Select(a => (Guid?)a.Id);
        return work.AddOnceAsync(options.EpisodeId, existing, assessmentId, async episode =>
        {
            if (options.Occasion == AssessmentOccasion.Start
                && await work.Db.NeedsAssessments.AnyAsync(a => a.EpisodeId == episode.Id && a.Occasion == AssessmentOccasion.Start, cancellationToken))
            {
                return "A start assessment has already been recorded: choose review or end";
            }

            var offered = (await pathways.GetAsync(cancellationToken)).Offered;
            if (offered.Any(p => !options.Levels.ContainsKey(p.Code)))
            {
                return "Select a level of need for every pathway";
            }

            if (options.Levels.Keys.Any(code => !offered.Contains(code)))
            {
                return "Select levels of need only for the pathways listed";
            }

            work.Add(new NeedsAssessment
            {
                Id = assessmentId,
                EpisodeId = episode.Id,
                Occasion = options.Occasion,
                AssessedOn = options.AssessedOn,
                Note = options.Note,
                RecordedAt = work.Now,
                RecordedByUserId = work.User.RequireUserId(),
                SubmissionId = options.SubmissionId,
            });
            foreach (var pathway in offered)
            {
                work.Add(new NeedRating { Id = Guid.NewGuid(), AssessmentId = assessmentId, Pathway = pathway.Code, Level = options.Levels[pathway.Code] });
            }

            work.Record(new NeedsAssessed(episode.Id, episode.PersonId, assessmentId, options.Occasion, options.AssessedOn,
                offered.ToDictionary(p => p.Code, p => options.Levels[p.Code]), options.Note is not null));
            return null;
        }, cancellationToken);
    }

    public Task<WriteResult> SetPrioritiesAsync(SetPriorities options, CancellationToken cancellationToken) =>
        work.ChangeAsync(options.EpisodeId, options.Version, Refusal? (Episode episode) =>
        {
            // Which of the person's words changed, never the words: they are theirs, not the audit trail's.
            string?[] before = [episode.HardestThing1, episode.HardestThing2, episode.HardestThing3];
            string?[] after = [options.First, options.Second, options.Third];
            var changes = before.Zip(after).Select((pair, i) => (Position: i + 1, pair.First, pair.Second))
                .Where(p => !string.Equals(p.First, p.Second, StringComparison.Ordinal))
                .Select(p => new PriorityChange(p.Position, p.First is null ? TextChange.Added : p.Second is null ? TextChange.Removed : TextChange.Changed))
                .ToList();
            episode.HardestThing1 = options.First;
            episode.HardestThing2 = options.Second;
            episode.HardestThing3 = options.Third;
            episode.HardestThingsRecordedAt = work.Now;
            work.Record(new PrioritiesChanged(episode.Id, episode.PersonId, changes));
            return null;
        }, cancellationToken);

    public Task<WriteResult> AddGoalAsync(AddGoal options, CancellationToken cancellationToken)
    {
        var goalId = Guid.NewGuid();
        var existing = work.Db.Goals.Where(g => g.SubmissionId == options.SubmissionId).Select(g => (Guid?)g.Id);
        return work.AddOnceAsync(options.EpisodeId, existing, goalId, async Task<Refusal?> (Episode episode) =>
        {
            if (options.Pathway is not null && !(await pathways.GetAsync(cancellationToken)).Offered.Contains(options.Pathway))
            {
                return new Refusal(GoalPathwayNotListed, "Input.Pathway");
            }

            work.Add(new Goal
            {
                Id = goalId,
                EpisodeId = episode.Id,
                Description = options.Description,
                Pathway = options.Pathway,
                CreatedAt = work.Now,
                CreatedByUserId = work.User.RequireUserId(),
                SubmissionId = options.SubmissionId,
            });
            work.Record(new GoalSet(episode.Id, episode.PersonId, goalId, options.Pathway));
            return null;
        }, cancellationToken);
    }

    public async Task<WriteResult> AddActionAsync(AddAction options, CancellationToken cancellationToken)
    {
        var existing = work.Db.GoalActions.Where(a => a.SubmissionId == options.SubmissionId).Select(a => (Guid?)a.Id);
        if (await existing.SingleOrDefaultAsync(cancellationToken) is { } made)
        {
            return new WriteResult.Done(made);
        }

        if (!await work.Db.Goals.AnyAsync(g => g.Id == options.GoalId && g.EpisodeId == options.EpisodeId, cancellationToken))
        {
            return new WriteResult.NotFound();
        }

        var actionId = Guid.NewGuid();
        return await work.AddOnceAsync(options.EpisodeId, existing, actionId, Refusal? (Episode episode) =>
        {
            work.Add(new GoalAction
            {
                Id = actionId,
                GoalId = options.GoalId,
                EpisodeId = episode.Id,
                Description = options.Description,
                Owner = options.Owner,
                OwnerName = options.Owner == ActionOwner.OtherOrganisation ? options.OwnerName : null,
                DueOn = options.DueOn,
                Status = ActionStatus.NotStarted,
                CreatedAt = work.Now,
                CreatedByUserId = work.User.RequireUserId(),
                SubmissionId = options.SubmissionId,
            });
            work.Record(new ActionAdded(episode.Id, episode.PersonId, options.GoalId, actionId, options.Owner, options.DueOn));
            return null;
        }, cancellationToken);
    }

    public async Task<WriteResult> UpdateActionAsync(UpdateAction options, CancellationToken cancellationToken)
    {
        var saved = await work.Db.GoalActions.AsNoTracking().Where(a => a.Id == options.ActionId && a.EpisodeId == options.EpisodeId).Select(a => (Guid?)a.Version).SingleOrDefaultAsync(cancellationToken);
        if (saved is not { } version)
        {
            return new WriteResult.NotFound();
        }

        if (version != options.Version)
        {
            return new WriteResult.Conflict();
        }

        return (await work.ChangeAsync(options.EpisodeId, null, async Task<Refusal?> (Episode episode) =>
        {
            var action = await work.Db.GoalActions.SingleAsync(a => a.Id == options.ActionId, cancellationToken);
            work.Db.Entry(action).Property(a => a.Version).OriginalValue = options.Version;
            work.Record(new ActionUpdated(episode.Id, episode.PersonId, action.GoalId, action.Id, action.Status, options.Status, action.DueOn, options.DueOn));
            action.Status = options.Status;
            action.DueOn = options.DueOn;
            action.CompletedAt = options.Status == ActionStatus.Done ? action.CompletedAt ?? work.Now : null;
            action.Version = Guid.NewGuid();
            return null;
        }, cancellationToken)).DoneAs(options.ActionId);
    }

    /// <summary>How need moved from the first assessment to the latest on one pathway, in words.</summary>
    public static (NeedChange Change, string Words) Change(NeedLevel first, NeedLevel latest) =>
        latest < first ? (NeedChange.Down, $"{EpisodeStates.Label(first)} → {EpisodeStates.Label(latest)}, down")
        : latest > first ? (NeedChange.Up, $"{EpisodeStates.Label(first)} → {EpisodeStates.Label(latest)}, up")
        : (NeedChange.Same, $"{EpisodeStates.Label(latest)}, no change");
}
