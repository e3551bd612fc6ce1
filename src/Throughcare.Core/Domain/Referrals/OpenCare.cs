using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Referrals;

/// <summary>A referral or episode that already holds a person's place with a service.</summary>
/// <param name="IsEpisode">An open episode of care; otherwise a referral sent and not yet decided or allocated.</param>
/// <param name="Visible">Whether the current user may open it: only then do pages name and link it.</param>
public sealed record OpenPlace(Guid Id, bool IsEpisode, bool Visible)
{
    public string Href => IsEpisode ? $"/episodes/{Id}" : $"/referrals/{Id}";

    /// <summary>Why a second referral or episode is refused, naming the open one only to those who may see it.</summary>
    public string Refusal(string service) => IsEpisode
        ? $"This person already has an open episode of care with {service}. Work within that episode, or close it first"
        : Visible
            ? $"This person already has an open referral to {service}. Withdraw one of them, or wait for its decision"
            : $"This person already has an open referral to {service} from another organisation. Contact {service} before referring again";
}

/// <summary>
/// The rule that a person holds one place with a service at a time (ADR 16): one referral sent and not yet decided or
/// allocated, or one open episode, never two. The referral journey warns of it before sending and refuses it when
/// sending; the sift marks a referral that would break it; allocation refuses to open a second episode and the
/// allocation page says why.
/// </summary>
public static class OpenCare
{
    /// <summary>The states of a referral that holds a place: sent and not yet declined, withdrawn or allocated.</summary>
    private static readonly ReferralState[] HoldingStates =
        [ReferralState.Submitted, ReferralState.AwaitingInformation, ReferralState.Screening, ReferralState.Accepted];

    /// <summary>Whether a referral in this state, allocated or not, holds the person's place with the service.</summary>
    public static bool Holds(ReferralState state, DateTime? allocatedAt) => HoldingStates.Contains(state) && allocatedAt is null;

    /// <summary>
    /// The referral or episode, other than this referral (and the episode it opened), that already holds the person's
    /// place with the service; or null. Looked for across every organisation: the rule holds whoever referred.
    /// </summary>
    public static async Task<OpenPlace?> FindAsync(ThroughcareDbContext db, Guid personId, Guid serviceId, Guid exceptReferralId, CancellationToken cancellationToken)
    {
        var held = (await HeldAsync(db, serviceId, [personId], cancellationToken)).Where(p => p.ReferralId != exceptReferralId).ToList();
        if ((held.FirstOrDefault(p => p.IsEpisode) ?? held.FirstOrDefault()) is not { } place)
        {
            return null;
        }

        var visible = place.IsEpisode
            ? await db.Episodes.AnyAsync(e => e.Id == place.Id, cancellationToken)
            : await db.Referrals.AnyAsync(r => r.Id == place.Id, cancellationToken);
        return new OpenPlace(place.Id, place.IsEpisode, visible);
    }

    /// <summary>Every place these people hold with the service: open episodes, and referrals that hold one.</summary>
    public static async Task<IReadOnlyList<HeldPlace>> HeldAsync(ThroughcareDbContext db, Guid serviceId, IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken)
    {
        var episodes = await db.Episodes.IgnoreQueryFilters()
            .Where(e => e.ServiceId == serviceId && personIds.Contains(e.PersonId) && e.State != EpisodeState.Closed)
            .Select(e => new HeldPlace(e.PersonId, e.Id, e.ReferralId, true))
            .ToListAsync(cancellationToken);
        var referrals = await db.Referrals.IgnoreQueryFilters()
            .Where(r => r.ServiceId == serviceId && personIds.Contains(r.PersonId) && HoldingStates.Contains(r.State) && r.AllocatedAt == null)
            .OrderBy(r => r.SubmittedAt)
            .Select(r => new HeldPlace(r.PersonId, r.Id, r.Id, false))
            .ToListAsync(cancellationToken);
        return [.. episodes, .. referrals];
    }
}

/// <summary>A place a person holds with a service: an open episode (with the referral that opened it) or a referral.</summary>
public sealed record HeldPlace(Guid PersonId, Guid Id, Guid ReferralId, bool IsEpisode);
