using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Throughcare.Core.Domain.Organisations;

namespace Throughcare.Core.Domain.Episodes;

public sealed class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> b)
    {
        b.Property(i => i.Code).HasMaxLength(40);
        b.Property(i => i.Name).HasMaxLength(200);
        b.Property(i => i.Definition).HasMaxLength(100_000);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.OrganisationId, i.Code }).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MeasureResultConfiguration : IEntityTypeConfiguration<MeasureResult>
{
    public void Configure(EntityTypeBuilder<MeasureResult> b)
    {
        b.Property(m => m.Band).HasMaxLength(100);
        b.HasIndex(m => m.SubmissionId).IsUnique();
        b.HasIndex(m => new { m.EpisodeId, m.InstrumentId, m.TakenOn });
        b.HasOne<Instrument>().WithMany().HasForeignKey(m => m.InstrumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
