using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.People;

namespace Throughcare.Core.Domain.Referrals;

/// <summary>The referral and its parts; who may see it is filtered in ThroughcareDbContext.ConfigureAccessFilters.</summary>
public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.Property(r => r.Reason).HasMaxLength(4000);
        b.Property(r => r.HelpWanted).HasMaxLength(4000);
        b.Property(r => r.AccessibilityNeeds).HasMaxLength(2000);
        b.Property(r => r.RisksToWorkers).HasMaxLength(2000);
        b.Property(r => r.PreferredWorkerGender).HasMaxLength(40);
        b.Property(r => r.SharingNote).HasMaxLength(2000);
        b.Property(r => r.CloseReasonText).HasMaxLength(2000);
        b.Property(r => r.ScreeningNotes).HasMaxLength(8000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.SubmissionId).IsUnique();
        b.HasIndex(r => new { r.ServiceId, r.State });
        b.HasIndex(r => r.PersonId);
        b.HasOne(r => r.Service).WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ReferringOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.ReferralId);
        b.HasMany(r => r.Transitions).WithOne().HasForeignKey(t => t.ReferralId);
        b.HasMany(r => r.Overrides).WithOne().HasForeignKey(o => o.ReferralId);
    }
}

public sealed class ReferralDocumentConfiguration : IEntityTypeConfiguration<ReferralDocument>
{
    public void Configure(EntityTypeBuilder<ReferralDocument> b)
    {
        b.Property(d => d.DocumentType).HasMaxLength(60);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.StoredName).HasMaxLength(100);
        b.HasIndex(d => d.StoredName);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.Property(d => d.Sha256).HasMaxLength(64);
    }
}

public sealed class ReferralTransitionConfiguration : IEntityTypeConfiguration<ReferralTransition>
{
    public void Configure(EntityTypeBuilder<ReferralTransition> b) => b.Property(t => t.Note).HasMaxLength(2000);
}

public sealed class ScreeningOverrideConfiguration : IEntityTypeConfiguration<ScreeningOverride>
{
    public void Configure(EntityTypeBuilder<ScreeningOverride> b)
    {
        b.Property(o => o.Rule).HasMaxLength(40);
        b.Property(o => o.Reason).HasMaxLength(2000);
    }
}
