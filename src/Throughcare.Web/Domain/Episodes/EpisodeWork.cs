using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Domain.Episodes;

public abstract record EpisodeOutcome
{
    public sealed record Done(Guid Id) : EpisodeOutcome;

    /// <summary>The episode's state or the rules do not allow this; nothing was written.</summary>
    public sealed record NotAllowed(string Message) : EpisodeOutcome;

    /// <summary>Someone changed the record first; nothing was written.</summary>
    public sealed record Conflict : EpisodeOutcome;

    public sealed record NotFound : EpisodeOutcome;
}

/// <summary>
/// The unit of work every change to an episode goes through: the episode is loaded through the access filter, its
/// version checked, the change applied with its audit rows, and everything saved in one transaction. Each part of
/// the episode (contacts, plan, measures, disengagement) has its own service built on this.
/// </summary>
public sealed class EpisodeWork(ThroughcareDbContext db, AuditLog audit, CurrentUser user, TimeProvider time)
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
    public async Task<EpisodeOutcome> ChangeAsync(Guid episodeId, Guid? version, Func<Episode, Task<string?>> change, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.Include(e => e.Strands).SingleOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        if (episode is null || episode.ServiceOrganisationId != user.OrganisationId)
        {
            return new EpisodeOutcome.NotFound();
        }

        if (version is { } expected && episode.Version != expected)
        {
            return new EpisodeOutcome.Conflict();
        }

        if (episode.State == EpisodeState.Closed)
        {
            return new EpisodeOutcome.NotAllowed(ClosedMessage);
        }

        var refused = await change(episode);
        if (refused is not null)
        {
            db.ChangeTracker.Clear();
            return new EpisodeOutcome.NotAllowed(refused);
        }

        episode.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new EpisodeOutcome.Done(episodeId);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new EpisodeOutcome.Conflict();
        }
    }

    public Task<EpisodeOutcome> ChangeAsync(Guid episodeId, Guid? version, Func<Episode, string?> change, CancellationToken cancellationToken) =>
        ChangeAsync(episodeId, version, e => Task.FromResult(change(e)), cancellationToken);

    /// <summary>Moves the state if the life cycle allows it, recording who, when and why; returns why not otherwise.</summary>
    public string? Move(Episode episode, EpisodeState to, string reason)
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
        Audit(episode, AuditActions.Update, new { changes = new[] { new FieldChange("State", EpisodeStates.Label(episode.State), EpisodeStates.Label(to)) }, reason });
        episode.State = to;
        return null;
    }

    /// <summary>An audit row about the episode, or about one of its records (a contact, a goal) when recordType is given.</summary>
    public void Audit(Episode episode, string action, object details, string recordType = AuditRecordTypes.Episode, Guid? recordId = null) =>
        audit.Add(recordType, (recordId ?? episode.Id).ToString(), action, episode.PersonId, details);

    /// <summary>Adds a new row with its key already set: through the context, never through a parent's collection.</summary>
    public T Add<T>(T entity)
        where T : class => db.Add(entity).Entity;
}
