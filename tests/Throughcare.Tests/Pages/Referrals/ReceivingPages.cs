using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Notifications;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Referrals;

/// <summary>Look-ups shared by the receiving service's page tests (sift, screening, allocation).</summary>
public static class ReceivingPages
{
    public static Task<Referral> LoadReferralAsync(this ThroughcareFactory factory, Guid referralId) =>
        factory.WithDbAsync(db => db.Referrals.AsNoTracking().Include(r => r.Transitions).Include(r => r.Overrides).SingleAsync(r => r.Id == referralId));

    public static Task<List<OutboxMessage>> OutboxToAsync(this ThroughcareFactory factory, string to) =>
        factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == to).OrderBy(m => m.CreatedAt).ToListAsync());

    public static Task<List<AuditEvent>> ReferralAuditAsync(this ThroughcareFactory factory, Guid referralId) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.RecordType == AuditRecordTypes.Referral && a.RecordId == referralId.ToString()).OrderBy(a => a.Sequence).ToListAsync());

    public static Task<int> EpisodeCountAsync(this ThroughcareFactory factory, Guid referralId) =>
        factory.WithDbAsync(db => db.Episodes.CountAsync(e => e.ReferralId == referralId));
}
