using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.Services;

namespace Throughcare.Core.Domain.Journeys;

public sealed class JourneyTemplateConfiguration : IEntityTypeConfiguration<JourneyTemplate>
{
    public void Configure(EntityTypeBuilder<JourneyTemplate> b)
    {
        b.Property(t => t.Name).HasMaxLength(JourneyTemplate.NameMaxLength);
        b.HasIndex(t => new { t.Name, t.Version }).IsUnique();
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.PublishedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Milestones).WithOne().HasForeignKey(m => m.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasData(ShippedJourney.Template);
    }
}

public sealed class MilestoneDefinitionConfiguration : IEntityTypeConfiguration<MilestoneDefinition>
{
    public void Configure(EntityTypeBuilder<MilestoneDefinition> b)
    {
        b.Property(m => m.Code).HasMaxLength(MilestoneDefinition.CodeMaxLength);
        b.Property(m => m.Title).HasMaxLength(MilestoneDefinition.TitleMaxLength);
        b.Property(m => m.AnchorMilestoneCode).HasMaxLength(MilestoneDefinition.CodeMaxLength);
        b.Property(m => m.Owner).HasMaxLength(MilestoneDefinition.OwnerMaxLength);
        b.Property(m => m.OnlyIfBorough).HasMaxLength(60);
        b.HasIndex(m => new { m.TemplateId, m.Code }).IsUnique();
        b.HasOne<Service>().WithMany().HasForeignKey(m => m.OnlyIfServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasData(ShippedJourney.Milestones);
    }
}

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b)
    {
        b.Property(m => m.Evidence).HasMaxLength(Milestone.EvidenceMaxLength);
        b.Property(m => m.NotApplicableReason).HasMaxLength(Milestone.ReasonMaxLength);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => new { m.CustodyPeriodId, m.DefinitionId }).IsUnique();
        b.HasIndex(m => new { m.State, m.DueOn });
        b.HasIndex(m => m.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CustodyPeriod>().WithMany().HasForeignKey(m => m.CustodyPeriodId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MilestoneDefinition>().WithMany().HasForeignKey(m => m.DefinitionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
