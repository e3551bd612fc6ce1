using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Notifications;

namespace Throughcare.Web.Domain.Episodes;

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

/// <summary>
/// A manager adds a strand to a running episode or ends one. Strands are independent: ending one, even the last,
/// never ends the episode (closing is its own decision, with a reason and a summary).
/// </summary>
public sealed class StrandService(EpisodeWork work, Outbox outbox)
{
    public async Task<EpisodeOutcome> AddAsync(AddStrand options, CancellationToken cancellationToken)
    {
        var strandId = Guid.NewGuid();
        var outcome = await work.ChangeAsync(options.EpisodeId, null, async episode =>
        {
            var service = await work.Db.Services.AsNoTracking().Include(s => s.Strands).SingleAsync(s => s.Id == episode.ServiceId, cancellationToken);
            var serviceStrand = service.Strands.SingleOrDefault(s => s.Id == options.ServiceStrandId);
            if (serviceStrand is null || episode.Strands.Any(s => s.ServiceStrandId == options.ServiceStrandId && s.EndedAt == null))
            {
                return "Select a strand that is not already running in this episode";
            }

            var worker = await work.Db.Users.Where(u => u.Id == options.WorkerUserId && u.OrganisationId == service.OrganisationId && u.DisabledAt == null)
                .Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
            if (worker is null)
            {
                return "Select a worker from the service's organisation";
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
            work.Audit(episode, AuditActions.Update, new
            {
                changes = new[] { new FieldChange(serviceStrand.Name, null, options.WorkerUserId.ToString()) },
                reason = options.Reason,
            });
            outbox.Queue(worker.Email, "New allocation in Throughcare", $"You have been allocated a person on {service.Name} ({serviceStrand.Name}). Open Throughcare to see your cases: /episodes/{episode.Id}");
            return null;
        }, cancellationToken);
        return outcome is EpisodeOutcome.Done ? new EpisodeOutcome.Done(strandId) : outcome;
    }

    public async Task<EpisodeOutcome> EndAsync(EndStrand options, CancellationToken cancellationToken)
    {
        var outcome = await work.ChangeAsync(options.EpisodeId, options.Version, string? (Episode episode) =>
        {
            var strand = episode.Strands.SingleOrDefault(s => s.Id == options.StrandId);
            if (strand is null)
            {
                return "This strand is not part of the episode";
            }

            if (strand.EndedAt is not null)
            {
                return "This strand has already ended";
            }

            strand.EndedAt = work.Now;
            strand.EndReason = options.Reason;
            strand.EndedByUserId = work.User.RequireUserId();
            work.Audit(episode, AuditActions.Update, new
            {
                changes = new[] { new FieldChange("Strand", "Running", "Ended") },
                strandId = strand.Id,
                reason = options.Reason,
            });
            return null;
        }, cancellationToken);
        return outcome is EpisodeOutcome.Done ? new EpisodeOutcome.Done(options.StrandId) : outcome;
    }
}
