using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Organisations;

namespace Throughcare.Core.Domain.Accounts;

public sealed class PartnershipActionConfiguration : IEntityTypeConfiguration<PartnershipAction>
{
    public void Configure(EntityTypeBuilder<PartnershipAction> b)
    {
        b.HasIndex(p => new { p.OrganisationId, p.AuditEventId }).IsUnique();
        b.HasOne<AuditEvent>().WithMany().HasForeignKey(p => p.AuditEventId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
