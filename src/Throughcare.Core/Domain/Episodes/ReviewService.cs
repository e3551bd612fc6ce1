using Microsoft.EntityFrameworkCore;

namespace Throughcare.Core.Domain.Episodes;

public sealed record RecordReview
{
    public required Guid EpisodeId { get; init; }
    public required DateOnly HeldOn { get; init; }
    public required string Summary { get; init; }
    public required Guid SubmissionId { get; init; }
}

public sealed record ExtendEpisode
{
    public required Guid EpisodeId { get; init; }
    public required Guid Version { get; init; }
    public required DateOnly NewPlannedEnd { get; init; }
    public required string Reason { get; init; }
}

/// <summary>Reviews held at the service's interval, and a manager's extension of the planned end.</summary>
public sealed class ReviewService(EpisodeWork work)
{
    public Task<WriteResult> RecordAsync(RecordReview options, CancellationToken cancellationToken)
    {
        var reviewId = Guid.NewGuid();
        var existing = work.Db.EpisodeReviews.Where(r => r.SubmissionId == options.SubmissionId).Select(r => (Guid?)r.Id);
        return work.AddOnceAsync(options.EpisodeId, existing, reviewId, Refusal? (Episode episode) =>
        {
            if (options.HeldOn < episode.StartedOn || options.HeldOn > work.Today)
            {
                return "The review date must be between the episode's start and today";
            }

            work.Add(new EpisodeReview
            {
                Id = reviewId,
                EpisodeId = episode.Id,
                HeldOn = options.HeldOn,
                Summary = options.Summary,
                RecordedAt = work.Now,
                RecordedByUserId = work.User.RequireUserId(),
                SubmissionId = options.SubmissionId,
            });
            work.Record(new ReviewRecorded(episode.Id, episode.PersonId, reviewId, options.HeldOn));
            return null;
        }, cancellationToken);
    }

    /// <summary>Moves the planned end later, with the manager's reason; the earlier date stays on the extension row.</summary>
    public Task<WriteResult> ExtendAsync(ExtendEpisode options, CancellationToken cancellationToken) =>
        work.ChangeAsync(options.EpisodeId, options.Version, Refusal? (Episode episode) =>
        {
            if (options.NewPlannedEnd <= episode.PlannedEndOn)
            {
                return "The new planned end must be after the current planned end";
            }

            work.Add(new EpisodeExtension
            {
                Id = Guid.NewGuid(),
                EpisodeId = episode.Id,
                FromDate = episode.PlannedEndOn,
                ToDate = options.NewPlannedEnd,
                Reason = options.Reason,
                At = work.Now,
                ByUserId = work.User.RequireUserId(),
            });
            work.Record(new PlannedEndExtended(episode.Id, episode.PersonId, episode.PlannedEndOn, options.NewPlannedEnd, options.Reason));
            episode.PlannedEndOn = options.NewPlannedEnd;
            return null;
        }, cancellationToken);
}
