using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Episodes;

/// <summary>Why a change is refused, and the input at fault when there is one (a property of the change's options).</summary>
public sealed record Refusal(string Message, string? Field = null)
{
    public static implicit operator Refusal?(string? message) => FromMessage(message);

    public static Refusal? FromMessage(string? message) => message is null ? null : new Refusal(message);
}

/// <summary>
/// The unit of work every change to an episode goes through: the episode is loaded through the access filter, its
/// version checked, the change applied with its audit rows, and everything saved in one transaction. Each part of
/// the episode (contacts, plan, measures, disengagement) has its own service built on this.
/// </summary>
public sealed class EpisodeWork(ThroughcareDbContext db, AuditLog audit, CurrentUser user, TimeProvider time, LinkGenerator links)
{
    /// <summary>Why any change to a closed episode is refused: closing is the end of its life cycle.</summary>
    public const string ClosedMessage = "This episode is closed and cannot be changed";

    public ThroughcareDbContext Db => db;

    public CurrentUser User => user;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Today in the UK: due dates and review points are UK dates.</summary>
    public DateOnly Today => Display.Today(time);

    /// <summary>
    /// Loads the episode (with its strands) through the access filter, refuses it when closed, applies a change and
    /// saves it with the version check. The change returns why it is refused, or null. Pass version null for additions that do not
    /// depend on what the user saw (a new contact, say): the episode's version still changes, so two writers on one
    /// episode are serialised.
    /// </summary>
    public async Task<WriteResult> ChangeAsync(Guid episodeId, Guid? version, Func<Episode, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.Include(e => e.Strands).SingleOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        if (episode is null || episode.ServiceOrganisationId != user.OrganisationId)
        {
            return new WriteResult.NotFound();
        }

        if (version is { } expected && episode.Version != expected)
        {
            return new WriteResult.Conflict();
        }

        if (episode.State == EpisodeState.Closed)
        {
            return new WriteResult.Refused(ClosedMessage);
        }

        var refused = await change(episode);
        if (refused is not null)
        {
            db.ChangeTracker.Clear();
            return new WriteResult.Refused(refused.Message, refused.Field);
        }

        episode.Version = Guid.NewGuid();
        return await db.SaveOrConflictAsync(new WriteResult.Done(episodeId), cancellationToken);
    }

    public Task<WriteResult> ChangeAsync(Guid episodeId, Guid? version, Func<Episode, Refusal?> change, CancellationToken cancellationToken) =>
        ChangeAsync(episodeId, version, e => Task.FromResult(change(e)), cancellationToken);

    /// <summary>How many times an addition is made before another writer's changes to the same episode count as a conflict.</summary>
    public const int AdditionAttempts = 5;

    /// <summary>
    /// Adds a new part of the episode (a contact, a goal, a review) once per submission id: a duplicate, also one racing
    /// the first, answers with the record the first one made (<see cref="Submissions"/>). An addition does not depend on
    /// what its author saw, so when another writer changed the episode first it is checked and made again on the episode
    /// as it is now: two practitioners recording contacts at once both succeed, one after the other.
    /// </summary>
    public async Task<WriteResult> AddOnceAsync(Guid episodeId, IQueryable<Guid?> existing, Guid newId, Func<Episode, Task<Refusal?>> add, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await Submissions.CreateOnceAsync(db, existing, async () => (await ChangeAsync(episodeId, null, add, cancellationToken)).DoneAs(newId), cancellationToken);
            if (result is not WriteResult.Conflict || attempt == AdditionAttempts)
            {
                return result;
            }
        }
    }

    public Task<WriteResult> AddOnceAsync(Guid episodeId, IQueryable<Guid?> existing, Guid newId, Func<Episode, Refusal?> add, CancellationToken cancellationToken) =>
        AddOnceAsync(episodeId, existing, newId, e => Task.FromResult(add(e)), cancellationToken);

    /// <summary>
    /// Moves the state if the life cycle allows it, recording who, when and why, with its audit event (by default
    /// <see cref="EpisodeStateChanged"/>, made from the state it leaves); returns why not otherwise.
    /// </summary>
    public string? Move(Episode episode, EpisodeState to, string reason, Func<EpisodeState, AuditedEvent>? audited = null)
    {
        if (!EpisodeStates.CanMove(episode.State, to))
        {
            return $"An episode that is {EpisodeStates.Label(episode.State).ToLowerInvariant()} cannot become {EpisodeStates.Label(to).ToLowerInvariant()}";
        }

        db.EpisodeTransitions.Add(new EpisodeTransition
        {
            Id = Guid.NewGuid(),
            EpisodeId = episode.Id,
            From = episode.State,
            To = to,
            At = Now,
            ByUserId = user.UserId,
            Reason = reason,
        });
        Record(audited?.Invoke(episode.State) ?? new EpisodeStateChanged(episode.Id, episode.PersonId, episode.State, to));
        episode.State = to;
        return null;
    }

    /// <summary>The change's audit event, written in the same transaction.</summary>
    public void Record(AuditedEvent audited) => audit.Record(audited);

    /// <summary>Adds a new row with its key already set: through the context, never through a parent's collection.</summary>
    public T Add<T>(T entity)
        where T : class => db.Add(entity).Entity;

    /// <summary>A link to an episode's page for an e-mail, from the routing system.</summary>
    public string Link(string page, object values) => links.GetPathByPage(page, values: values) ?? throw new InvalidOperationException($"No route to {page}.");
}

public static class EpisodeWriteResults
{
    /// <summary>A successful change answers with the record it made or changed, rather than the episode.</summary>
    public static WriteResult DoneAs(this WriteResult result, Guid id) => result is WriteResult.Done ? new WriteResult.Done(id) : result;
}
