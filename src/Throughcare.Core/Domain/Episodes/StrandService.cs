using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Notifications;

namespace Throughcare.Core.Domain.Episodes;

public sealed record AddStrand
{
    public required Guid EpisodeId { get; init; }
    public required Guid ServiceStrandId { get; init; }
    public required Guid WorkerUserId { get; init; }
    public required string Reason { get; init; }
}

public sealed record EndStrand
{
    public required Guid EpisodeId { get; init; }
    public required Guid StrandId { get; init; }
    public required Guid Version { get; init; }
    public required string Reason { get; init; }
}

/// <summary>Gives a running strand to another worker, against the version of the episode the manager saw.</summary>
public sealed record ReallocateStrand
{
    public required Guid EpisodeId { get; init; }
    public required Guid StrandId { get; init; }
    public required Guid Version { get; init; }
    public required Guid WorkerUserId { get; init; }
    public required string Reason { get; init; }
}

/// <summary>
/// A manager adds a strand to a running episode, ends one or gives one to another worker. Strands are independent:
/// ending one, even the last, never ends the episode (closing is its own decision, with a reason and a summary).
/// </summary>
public sealed class StrandService(EpisodeWork work, Outbox outbox)
{
    public async Task<WriteResult> AddAsync(AddStrand options, CancellationToken cancellationToken)
    {
        var strandId = Guid.NewGuid();
        return (await work.ChangeAsync(options.EpisodeId, null, async episode =>
        {
            var service = await work.Db.Services.AsNoTracking().Include(s => s.Strands).SingleAsync(s => s.Id == episode.ServiceId, cancellationToken);
            var serviceStrand = service.Strands.SingleOrDefault(s => s.Id == options.ServiceStrandId);
            if (serviceStrand is null || episode.Strands.Any(s => s.ServiceStrandId == options.ServiceStrandId && s.EndedAt == null))
            {
                return new Refusal("Select a strand that is not already running in this episode", nameof(AddStrand.ServiceStrandId));
            }

            if (await WorkerAsync(service.OrganisationId, options.WorkerUserId, cancellationToken) is not { } worker)
            {
                return new Refusal("Select a worker from the service's organisation", nameof(AddStrand.WorkerUserId));
            }

            work.Add(new EpisodeStrand
            {
                Id = strandId,
                EpisodeId = episode.Id,
                ServiceStrandId = serviceStrand.Id,
                WorkerUserId = options.WorkerUserId,
                StartedAt = work.Now,
                AllocatedByUserId = work.User.RequireUserId(),
                AllocationReason = options.Reason,
            });
            work.Record(new StrandAdded(episode.Id, episode.PersonId, strandId, serviceStrand.Id, options.WorkerUserId, options.Reason));
            QueueAllocation(worker.Email, episode, $"{service.Name} ({serviceStrand.Name})");
            return null;
        }, cancellationToken)).DoneAs(strandId);
    }

    public async Task<WriteResult> EndAsync(EndStrand options, CancellationToken cancellationToken) =>
        (await work.ChangeAsync(options.EpisodeId, options.Version, Refusal? (Episode episode) =>
        {
            if (Running(episode, options.StrandId) is not { } strand)
            {
                return "This strand has already ended";
            }

            End(strand, options.Reason);
            work.Record(new StrandEnded(episode.Id, episode.PersonId, strand.Id, strand.ServiceStrandId, strand.WorkerUserId, options.Reason));
            return null;
        }, cancellationToken)).DoneAs(options.StrandId);

    /// <summary>Ends the strand's allocation and starts the same strand with the new worker, who is e-mailed in the same transaction.</summary>
    public async Task<WriteResult> ReallocateAsync(ReallocateStrand options, CancellationToken cancellationToken)
    {
        var strandId = Guid.NewGuid();
        return (await work.ChangeAsync(options.EpisodeId, options.Version, async episode =>
        {
            if (Running(episode, options.StrandId) is not { } strand)
            {
                return episode.Strands.Any(s => s.Id == options.StrandId) ? "This strand has already ended" : "This strand is not part of the episode";
            }

            var service = await work.Db.Services.AsNoTracking().Include(s => s.Strands).SingleAsync(s => s.Id == episode.ServiceId, cancellationToken);
            if (options.WorkerUserId == strand.WorkerUserId
                || await WorkerAsync(service.OrganisationId, options.WorkerUserId, cancellationToken) is not { } worker)
            {
                return new Refusal("Choose a different worker from the service's organisation", nameof(ReallocateStrand.WorkerUserId));
            }

            End(strand, options.Reason);
            work.Add(new EpisodeStrand
            {
                Id = strandId,
                EpisodeId = episode.Id,
                ServiceStrandId = strand.ServiceStrandId,
                WorkerUserId = options.WorkerUserId,
                StartedAt = work.Now,
                AllocatedByUserId = work.User.RequireUserId(),
                AllocationReason = options.Reason,
            });
            work.Record(new EpisodeWorkerChanged(episode.Id, episode.PersonId, strand.Id, strand.ServiceStrandId, strand.WorkerUserId, options.WorkerUserId, options.Reason));
            QueueAllocation(worker.Email, episode, $"{service.Name} ({service.Strands.SingleOrDefault(s => s.Id == strand.ServiceStrandId)?.Name ?? "a strand"})");
            return null;
        }, cancellationToken)).DoneAs(strandId);
    }

    private static EpisodeStrand? Running(Episode episode, Guid strandId) => episode.Strands.SingleOrDefault(s => s.Id == strandId && s.EndedAt == null);

    private void End(EpisodeStrand strand, string reason)
    {
        strand.EndedAt = work.Now;
        strand.EndReason = reason;
        strand.EndedByUserId = work.User.RequireUserId();
    }

    /// <summary>An active worker of the service's organisation, or null for anyone else.</summary>
    private Task<Worker?> WorkerAsync(Guid organisationId, Guid workerId, CancellationToken cancellationToken) =>
        work.Db.Users.Where(u => u.Id == workerId && u.OrganisationId == organisationId && u.DisabledAt == null).Select(u => new Worker(u.Email)).SingleOrDefaultAsync(cancellationToken);

    private void QueueAllocation(string? email, Episode episode, string what) =>
        outbox.Queue(email, "New allocation in Throughcare",
            $"You have been allocated a person on {what}. Open Throughcare to see your cases: {work.Link("/Episodes/Index", new { episodeId = episode.Id })}");

    private sealed record Worker(string? Email);
}
