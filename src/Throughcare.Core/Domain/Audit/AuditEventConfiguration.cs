using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Throughcare.Core.Domain.Audit;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.Sequence).IsUnique();
        b.Property(a => a.UserName).HasMaxLength(256);
        // Every role a member of staff holds, comma-separated: eight roles already pass 100 characters.
        b.Property(a => a.Role).HasMaxLength(500);
        b.Property(a => a.RecordType).HasMaxLength(60);
        b.Property(a => a.RecordId).HasMaxLength(100);
        b.Property(a => a.Action).HasMaxLength(60);
        b.Property(a => a.Purpose).HasMaxLength(500);
        b.Property(a => a.CorrelationId).HasMaxLength(100);
        b.Property(a => a.ClientRequestId).HasMaxLength(Infrastructure.Security.CorrelationIds.MaxClientRequestIdLength);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.Property(a => a.EventType).HasMaxLength(100);
        b.HasIndex(a => new { a.PersonId, a.Sequence });

        // A person's history (AuditHistory) without the reads of their record, which outnumber the changes many times.
        // The query repeats this filter word for word (HistoryRows), so that both databases use the index.
        b.HasIndex(a => new { a.PersonId, a.Sequence }, "IX_AuditEvents_PersonId_Sequence_Changes").HasFilter(AuditHistory.ChangesFilterSql);
        b.HasIndex(a => a.AggregateId);
        b.HasIndex(a => a.UserId);
        b.HasIndex(a => a.OrganisationId);
        b.HasIndex(a => a.OccurredAt);
    }
}
