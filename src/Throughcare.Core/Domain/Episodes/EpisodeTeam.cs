using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Episodes;

/// <summary>A worker on an episode and how to reach them: their work e-mail and phone as their account holds them.</summary>
public sealed record WorkerContact(Guid EpisodeId, string Name, string Strand, string Organisation, string? Email, string? Phone);

/// <summary>
/// Who to contact about an episode: the workers on its running strands, or, once it has closed, the last worker on each
/// strand. It decides nothing about access: callers pass only episodes the viewer may see, through
/// <see cref="EpisodeAccess"/>, and the referrer may see this much of an episode (<see cref="EpisodeRight.SeeOverview"/>).
/// </summary>
public static class EpisodeTeam
{
    public static async Task<ILookup<Guid, WorkerContact>> ContactsAsync(
        ThroughcareDbContext db, IReadOnlyCollection<EpisodeInView> episodes, CancellationToken cancellationToken)
    {
        var episodeIds = episodes.Select(e => e.Id).ToList();
        var strands = await db.EpisodeStrands.AsNoTracking()
            .Where(s => episodeIds.Contains(s.EpisodeId))
            .Join(db.Users, s => s.WorkerUserId, u => u.Id, (s, u) => new
            {
                s.EpisodeId,
                s.ServiceStrandId,
                s.StartedAt,
                s.EndedAt,
                u.DisplayName,
                u.Email,
                u.PhoneNumber,
                Strand = db.ServiceStrands.Where(x => x.Id == s.ServiceStrandId).Select(x => x.Name).FirstOrDefault(),
                Organisation = db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var closed = episodes.Where(e => e.State == EpisodeState.Closed).Select(e => e.Id).ToHashSet();
        return strands
            .GroupBy(s => (s.EpisodeId, s.ServiceStrandId))
            .SelectMany(g => closed.Contains(g.Key.EpisodeId) ? g.OrderByDescending(s => s.StartedAt).Take(1) : g.Where(s => s.EndedAt == null))
            .OrderBy(s => s.Strand, StringComparer.Ordinal)
            .ThenBy(s => s.StartedAt)
            .ToLookup(s => s.EpisodeId, s => new WorkerContact(s.EpisodeId, s.DisplayName, s.Strand ?? "Strand", s.Organisation ?? "", s.Email, s.PhoneNumber));
    }
}
