using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Referrals;

/// <summary>
/// The piles referrals wait in, one rule each: the sift and the referrals list filter with these, and the home page
/// counts with the same expressions, so a count and the list it opens cannot disagree.
/// </summary>
public static class ReferralQueues
{
    /// <summary>How far back "decided recently" looks: four weeks of days in the UK, today included.</summary>
    public const int RecentDays = 28;

    /// <summary>Sent and not yet accepted, declined or withdrawn: the receiving service still has to decide.</summary>
    public static readonly Expression<Func<Referral, bool>> AwaitingDecision =
        r => r.State == ReferralState.Submitted || r.State == ReferralState.AwaitingInformation || r.State == ReferralState.Screening;

    /// <summary>Accepted and waiting for the manager to allocate its strands to workers.</summary>
    public static readonly Expression<Func<Referral, bool>> AwaitingAllocation =
        r => r.State == ReferralState.Accepted && r.AllocatedAt == null;

    /// <summary>Given a decision since the start of the day <see cref="RecentDays"/> days ago (today the last of them), in the UK.</summary>
    public static Expression<Func<Referral, bool>> DecidedRecently(TimeProvider time)
    {
        var since = Display.FromLondon(Display.Today(time).AddDays(1 - RecentDays), TimeOnly.MinValue);
        return r => r.DecidedAt != null && r.DecidedAt >= since;
    }

    /// <summary>
    /// Sent referrals in the order a list shows them: those waiting for a decision first, oldest sent first, with the ones
    /// waiting on the viewer's side (more information, for the referrer; the rest, for the receiving service) before the
    /// others; then those decided, oldest decision first, so the newest decisions come last.
    /// </summary>
    public static IQueryable<Referral> WaitingFirst(IQueryable<Referral> sent, bool referrersView) => sent
        .OrderBy(r => r.DecidedAt == null ? 0 : 1)
        .ThenBy(r => (r.State == ReferralState.AwaitingInformation) == referrersView ? 0 : 1)
        .ThenBy(r => r.DecidedAt)
        .ThenBy(r => r.SubmittedAt)
        .ThenBy(r => r.Id);

    /// <summary>How many of these referrals are in each state; states with none are there with 0.</summary>
    public static async Task<IReadOnlyDictionary<ReferralState, int>> CountByStateAsync(IQueryable<Referral> referrals, CancellationToken cancellationToken)
    {
        var counts = await referrals.GroupBy(r => r.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enum.GetValues<ReferralState>().ToDictionary(s => s, s => counts.SingleOrDefault(c => c.State == s)?.Count ?? 0);
    }
}
