using Microsoft.EntityFrameworkCore;

namespace Throughcare.Core.Domain.Episodes;

public sealed record RecordMeasure
{
    public required Guid EpisodeId { get; init; }
    public required Guid InstrumentId { get; init; }
    public required AssessmentOccasion Occasion { get; init; }
    public required DateOnly TakenOn { get; init; }

    /// <summary>The chosen option value for each item, in item order. The score is computed from these, never taken from the form.</summary>
    public required IReadOnlyList<int> Answers { get; init; }
    public required Guid SubmissionId { get; init; }
}

/// <summary>Records completed outcome measures against an episode, scored on the server from the instrument's definition.</summary>
public sealed class MeasureService(EpisodeWork work)
{
    public Task<WriteResult> RecordAsync(RecordMeasure options, CancellationToken cancellationToken)
    {
        var db = work.Db;
        var id = Guid.NewGuid();
        var existing = db.MeasureResults.Where(m => m.SubmissionId == options.SubmissionId && m.EpisodeId == options.EpisodeId).Select(m => (Guid?)m.Id);
        return work.AddOnceAsync(options.EpisodeId, existing, id, async episode =>
        {
            var instrument = await db.Instruments.AsNoTracking().SingleOrDefaultAsync(
                i => i.Id == options.InstrumentId && !i.Retired && (i.OrganisationId == null || i.OrganisationId == episode.ServiceOrganisationId), cancellationToken);
            if (instrument is null || InstrumentDefinition.Parse(instrument.Definition).Definition is not { } definition)
            {
                return "Select an instrument";
            }

            if (definition.ProblemsWith([.. options.Answers.Select(a => (int?)a)]) is { Count: > 0 } problems)
            {
                return problems[0];
            }

            if (options.TakenOn > work.Today)
            {
                return "The date taken must be today or in the past";
            }

            if (options.TakenOn < episode.StartedOn)
            {
                return "The date taken must be on or after the day the episode started";
            }

            var score = definition.Score(options.Answers);
            work.Add(new MeasureResult
            {
                Id = id,
                EpisodeId = episode.Id,
                InstrumentId = instrument.Id,
                Occasion = options.Occasion,
                TakenOn = options.TakenOn,
                Answers = [.. options.Answers],
                Score = score.Total,
                Band = score.Band,
                RecordedAt = work.Now,
                RecordedByUserId = work.User.RequireUserId(),
                SubmissionId = options.SubmissionId,
            });
            work.Record(new MeasureRecorded(episode.Id, episode.PersonId, id, instrument.Id, instrument.Name, options.Occasion, options.TakenOn, score.Total, score.Band));
            return null;
        }, cancellationToken);
    }
}
