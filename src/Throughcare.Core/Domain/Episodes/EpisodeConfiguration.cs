using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.Services;

namespace Throughcare.Core.Domain.Episodes;

/// <summary>The episode and what hangs off it; who may see it is filtered in ThroughcareDbContext.ConfigureAccessFilters.</summary>
public sealed class EpisodeConfiguration : IEntityTypeConfiguration<Episode>
{
    public void Configure(EntityTypeBuilder<Episode> b)
    {
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => e.ReferralId).IsUnique();
        b.HasIndex(e => new { e.ServiceId, e.State });
        b.HasIndex(e => e.PersonId);
        b.Property(e => e.HardestThing1).HasMaxLength(1000);
        b.Property(e => e.HardestThing2).HasMaxLength(1000);
        b.Property(e => e.HardestThing3).HasMaxLength(1000);
        b.Property(e => e.CloseReasonText).HasMaxLength(2000);
        b.Property(e => e.EndOfServiceSummary).HasMaxLength(8000);
        b.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Service>().WithMany().HasForeignKey(e => e.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(e => e.ServiceOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(e => e.ReferringOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Strands).WithOne().HasForeignKey(s => s.EpisodeId);
        b.HasMany<EpisodeTransition>().WithOne().HasForeignKey(t => t.EpisodeId);
        b.HasMany<EpisodeExtension>().WithOne().HasForeignKey(t => t.EpisodeId);
        b.HasMany<EpisodeReview>().WithOne().HasForeignKey(t => t.EpisodeId);
        b.HasMany<ReflectiveReview>().WithOne().HasForeignKey(t => t.EpisodeId);
        b.HasMany<Contact>().WithOne().HasForeignKey(t => t.EpisodeId);
        b.HasMany<NeedsAssessment>().WithOne().HasForeignKey(t => t.EpisodeId);
        b.HasMany<Goal>().WithOne().HasForeignKey(t => t.EpisodeId);
        b.HasMany<MeasureResult>().WithOne().HasForeignKey(t => t.EpisodeId);
    }
}

public sealed class EpisodeStrandConfiguration : IEntityTypeConfiguration<EpisodeStrand>
{
    public void Configure(EntityTypeBuilder<EpisodeStrand> b)
    {
        b.Property(s => s.AllocationReason).HasMaxLength(2000);
        b.Property(s => s.EndReason).HasMaxLength(2000);
        b.HasIndex(s => new { s.WorkerUserId, s.EndedAt });
        b.HasOne<ServiceStrand>().WithMany().HasForeignKey(s => s.ServiceStrandId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EpisodeTransitionConfiguration : IEntityTypeConfiguration<EpisodeTransition>
{
    public void Configure(EntityTypeBuilder<EpisodeTransition> b) => b.Property(t => t.Reason).HasMaxLength(2000);
}

public sealed class EpisodeReminderConfiguration : IEntityTypeConfiguration<EpisodeReminder>
{
    public void Configure(EntityTypeBuilder<EpisodeReminder> b)
    {
        b.Property(r => r.Kind).HasMaxLength(40);
        b.HasIndex(r => new { r.EpisodeId, r.Kind, r.DueOn }).IsUnique();
        b.HasOne<Episode>().WithMany().HasForeignKey(r => r.EpisodeId);
    }
}

public sealed class EpisodeExtensionConfiguration : IEntityTypeConfiguration<EpisodeExtension>
{
    public void Configure(EntityTypeBuilder<EpisodeExtension> b) => b.Property(t => t.Reason).HasMaxLength(2000);
}

public sealed class EpisodeReviewConfiguration : IEntityTypeConfiguration<EpisodeReview>
{
    public void Configure(EntityTypeBuilder<EpisodeReview> b)
    {
        b.Property(r => r.Summary).HasMaxLength(8000);
        b.HasIndex(r => r.SubmissionId).IsUnique();
    }
}

public sealed class ReflectiveReviewConfiguration : IEntityTypeConfiguration<ReflectiveReview>
{
    public void Configure(EntityTypeBuilder<ReflectiveReview> b)
    {
        b.Property(r => r.WhatIsGoingOn).HasMaxLength(4000);
        b.Property(r => r.WhatMayHaveBeenMissed).HasMaxLength(4000);
        b.Property(r => r.WhatWasTried).HasMaxLength(4000);
        b.HasIndex(r => r.SubmissionId).IsUnique();
    }
}
