using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Throughcare.Core.Domain.Organisations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Borough).HasMaxLength(60);
        b.HasIndex(o => o.Borough);
        b.HasIndex(o => o.Name).IsUnique();
        b.HasIndex(o => o.SubmissionId).IsUnique();
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasMany(o => o.Teams).WithOne(t => t.Organisation).HasForeignKey(t => t.OrganisationId);
    }
}

public sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.Property(t => t.Name).HasMaxLength(200);
        b.HasIndex(t => new { t.OrganisationId, t.Name }).IsUnique();
    }
}
