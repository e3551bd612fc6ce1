using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Throughcare.Core.Domain.ReferenceData;

public sealed class ResettlementPathwayConfiguration : IEntityTypeConfiguration<ResettlementPathway>
{
    public void Configure(EntityTypeBuilder<ResettlementPathway> b)
    {
        b.Property(p => p.Code).HasMaxLength(ResettlementPathway.CodeMaxLength);
        b.Property(p => p.Label).HasMaxLength(ResettlementPathway.LabelMaxLength);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.Code).IsUnique();
    }
}
