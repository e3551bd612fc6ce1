using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.ReferenceData;

namespace Throughcare.Web.Domain.Episodes;

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
public sealed class PlanService(EpisodeWork work)
{
    public async Task<EpisodeOutcome> RecordNeedsAsync(RecordNeeds options, CancellationToken cancellationToken)
    {
        var existing = await work.Db.NeedsAssessments.Where(a => a.SubmissionId == options.SubmissionId).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return new EpisodeOutcome.Done(id);
        }

        var assessmentId = Guid.NewGuid();
        var outcome = await work.ChangeAsync(options.EpisodeId, null, async episode =>
        {
            if (options.Occasion == AssessmentOccasion.Start
                && await work.Db.NeedsAssessments.AnyAsync(a => a.EpisodeId == episode.Id && a.Occasion == AssessmentOccasion.Start, cancellationToken))
            {
                return "A start assessment has already been recorded: choose review or end";
            }

            if (ResettlementPathways.All.Any(p => !options.Levels.ContainsKey(p.Code)))
            {
                return "Select a level of need for every pathway";
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
            foreach (var pathway in ResettlementPathways.All)
            {
                work.Add(new NeedRating { Id = Guid.NewGuid(), AssessmentId = assessmentId, Pathway = pathway.Code, Level = options.Levels[pathway.Code] });
            }

            work.Audit(episode, AuditActions.Create, new
            {
                occasion = EpisodeStates.Label(options.Occasion),
                assessedOn = options.AssessedOn,
                levels = ResettlementPathways.All.ToDictionary(p => p.Code, p => EpisodeStates.Label(options.Levels[p.Code])),
            }, AuditRecordTypes.NeedsAssessment, assessmentId);
            return null;
        }, cancellationToken);
        return outcome is EpisodeOutcome.Done ? new EpisodeOutcome.Done(assessmentId) : outcome;
    }

    public Task<EpisodeOutcome> SetPrioritiesAsync(SetPriorities options, CancellationToken cancellationToken) =>
        work.ChangeAsync(options.EpisodeId, options.Version, string? (Episode episode) =>
        {
            var before = new HardestThings { First = episode.HardestThing1, Second = episode.HardestThing2, Third = episode.HardestThing3 };
            var after = new HardestThings { First = options.First, Second = options.Second, Third = options.Third };
            episode.HardestThing1 = options.First;
            episode.HardestThing2 = options.Second;
            episode.HardestThing3 = options.Third;
            episode.HardestThingsRecordedAt = work.Now;
            work.Audit(episode, AuditActions.Update, new { changes = FieldChanges.Compare(before, after) });
            return null;
        }, cancellationToken);

    public async Task<EpisodeOutcome> AddGoalAsync(AddGoal options, CancellationToken cancellationToken)
    {
        if (await work.Db.Goals.Where(g => g.SubmissionId == options.SubmissionId).Select(g => (Guid?)g.Id).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return new EpisodeOutcome.Done(existing);
        }

        var goalId = Guid.NewGuid();
        var outcome = await work.ChangeAsync(options.EpisodeId, null, string? (Episode episode) =>
        {
            var goal = work.Add(new Goal
            {
                Id = goalId,
                EpisodeId = episode.Id,
                Description = options.Description,
                Pathway = options.Pathway,
                CreatedAt = work.Now,
                CreatedByUserId = work.User.RequireUserId(),
                SubmissionId = options.SubmissionId,
            });
            work.Audit(episode, AuditActions.Create, new { changes = new[] { new FieldChange("Goal", null, goal.Description), new FieldChange("Pathway", null, ResettlementPathways.All.LabelFor(goal.Pathway)) } },
                AuditRecordTypes.Goal, goalId);
            return null;
        }, cancellationToken);
        return outcome is EpisodeOutcome.Done ? new EpisodeOutcome.Done(goalId) : outcome;
    }

    public async Task<EpisodeOutcome> AddActionAsync(AddAction options, CancellationToken cancellationToken)
    {
        if (await work.Db.GoalActions.Where(a => a.SubmissionId == options.SubmissionId).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return new EpisodeOutcome.Done(existing);
        }

        if (!await work.Db.Goals.AnyAsync(g => g.Id == options.GoalId && g.EpisodeId == options.EpisodeId, cancellationToken))
        {
            return new EpisodeOutcome.NotFound();
        }

        var actionId = Guid.NewGuid();
        var outcome = await work.ChangeAsync(options.EpisodeId, null, string? (Episode episode) =>
        {
            var action = work.Add(new GoalAction
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
            work.Audit(episode, AuditActions.Create, new
            {
                changes = new[]
                {
                    new FieldChange("Action", null, action.Description),
                    new FieldChange("Owner", null, EpisodeStates.Label(action.Owner) + (action.OwnerName is null ? "" : $" ({action.OwnerName})")),
                    new FieldChange("Due", null, action.DueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                },
                goalId = options.GoalId,
            }, AuditRecordTypes.GoalAction, actionId);
            return null;
        }, cancellationToken);
        return outcome is EpisodeOutcome.Done ? new EpisodeOutcome.Done(actionId) : outcome;
    }

    public async Task<EpisodeOutcome> UpdateActionAsync(UpdateAction options, CancellationToken cancellationToken)
    {
        var saved = await work.Db.GoalActions.AsNoTracking().Where(a => a.Id == options.ActionId && a.EpisodeId == options.EpisodeId).Select(a => (Guid?)a.Version).SingleOrDefaultAsync(cancellationToken);
        if (saved is not { } version)
        {
            return new EpisodeOutcome.NotFound();
        }

        if (version != options.Version)
        {
            return new EpisodeOutcome.Conflict();
        }

        var outcome = await work.ChangeAsync(options.EpisodeId, null, async episode =>
        {
            var action = await work.Db.GoalActions.SingleAsync(a => a.Id == options.ActionId, cancellationToken);
            work.Db.Entry(action).Property(a => a.Version).OriginalValue = options.Version;
            var before = new ActionFacts { Status = EpisodeStates.Label(action.Status), DueOn = action.DueOn };
            action.Status = options.Status;
            action.DueOn = options.DueOn;
            action.CompletedAt = options.Status == ActionStatus.Done ? action.CompletedAt ?? work.Now : null;
            action.Version = Guid.NewGuid();
            var after = new ActionFacts { Status = EpisodeStates.Label(action.Status), DueOn = action.DueOn };
            work.Audit(episode, AuditActions.Update, new { changes = FieldChanges.Compare(before, after) }, AuditRecordTypes.GoalAction, action.Id);
            return null;
        }, cancellationToken);
        return outcome is EpisodeOutcome.Done ? new EpisodeOutcome.Done(options.ActionId) : outcome;
    }

    /// <summary>How need moved from the first assessment to the latest on one pathway, in words.</summary>
    public static (NeedChange Change, string Words) Change(NeedLevel first, NeedLevel latest) =>
        latest < first ? (NeedChange.Down, $"{EpisodeStates.Label(first)} → {EpisodeStates.Label(latest)}, down")
        : latest > first ? (NeedChange.Up, $"{EpisodeStates.Label(first)} → {EpisodeStates.Label(latest)}, up")
        : (NeedChange.Same, $"{EpisodeStates.Label(latest)}, no change");

    private sealed class HardestThings
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "Hardest thing 1")]
        public string? First { get; init; }

        [System.ComponentModel.DataAnnotations.Display(Name = "Hardest thing 2")]
        public string? Second { get; init; }

        [System.ComponentModel.DataAnnotations.Display(Name = "Hardest thing 3")]
        public string? Third { get; init; }
    }

    private sealed class ActionFacts
    {
        public string? Status { get; init; }

        [System.ComponentModel.DataAnnotations.Display(Name = "Due")]
        public DateOnly? DueOn { get; init; }
    }
}
