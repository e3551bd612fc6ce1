using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Throughcare.Core.Domain.Episodes;

public sealed class NeedsAssessmentConfiguration : IEntityTypeConfiguration<NeedsAssessment>
{
    public void Configure(EntityTypeBuilder<NeedsAssessment> b)
    {
        b.Property(a => a.Note).HasMaxLength(4000);
        b.HasIndex(a => a.SubmissionId).IsUnique();
        b.HasMany(a => a.Ratings).WithOne().HasForeignKey(r => r.AssessmentId);
    }
}

public sealed class NeedRatingConfiguration : IEntityTypeConfiguration<NeedRating>
{
    public void Configure(EntityTypeBuilder<NeedRating> b)
    {
        b.Property(r => r.Pathway).HasMaxLength(40);
        b.HasIndex(r => new { r.AssessmentId, r.Pathway }).IsUnique();
    }
}

public sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> b)
    {
        b.Property(g => g.Description).HasMaxLength(1000);
        b.Property(g => g.Pathway).HasMaxLength(40);
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasIndex(g => g.SubmissionId).IsUnique();
        b.HasMany(g => g.Actions).WithOne().HasForeignKey(a => a.GoalId);
    }
}

public sealed class GoalActionConfiguration : IEntityTypeConfiguration<GoalAction>
{
    public void Configure(EntityTypeBuilder<GoalAction> b)
    {
        b.Property(a => a.Description).HasMaxLength(1000);
        b.Property(a => a.OwnerName).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => a.SubmissionId).IsUnique();
        b.HasIndex(a => a.EpisodeId);
    }
}
