using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Throughcare.Core.Domain.Services;

public sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Description).HasMaxLength(2000);
        b.HasIndex(s => new { s.OrganisationId, s.Name }).IsUnique();
        b.HasIndex(s => s.SubmissionId).IsUnique();
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Documents).WithOne().HasForeignKey(d => d.ServiceId);
        b.HasMany(s => s.Strands).WithOne().HasForeignKey(d => d.ServiceId);
    }
}

public sealed class ServiceDocumentRequirementConfiguration : IEntityTypeConfiguration<ServiceDocumentRequirement>
{
    public void Configure(EntityTypeBuilder<ServiceDocumentRequirement> b) => b.Property(d => d.DocumentType).HasMaxLength(60);
}

public sealed class ServiceStrandConfiguration : IEntityTypeConfiguration<ServiceStrand>
{
    public void Configure(EntityTypeBuilder<ServiceStrand> b)
    {
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.WorkerRole).HasMaxLength(40);
        b.Property(s => s.InterventionList).HasMaxLength(20);
    }
}
