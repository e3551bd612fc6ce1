using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Throughcare.Core.Domain.Services;

namespace Throughcare.Core.Domain.Episodes;

public sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(c => c.Note).HasMaxLength(8000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.SubmissionId).IsUnique();
        b.HasIndex(c => new { c.EpisodeId, c.OccurredAt });
        b.HasOne<ServiceStrand>().WithMany().HasForeignKey(c => c.ServiceStrandId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Revisions).WithOne().HasForeignKey(r => r.ContactId);
    }
}

public sealed class ContactRevisionConfiguration : IEntityTypeConfiguration<ContactRevision>
{
    public void Configure(EntityTypeBuilder<ContactRevision> b)
    {
        b.Property(r => r.Snapshot).HasMaxLength(4000);
        b.Property(r => r.Note).HasMaxLength(8000);
        b.Property(r => r.CorrectionReason).HasMaxLength(2000);
        b.HasIndex(r => new { r.ContactId, r.Number }).IsUnique();
    }
}
