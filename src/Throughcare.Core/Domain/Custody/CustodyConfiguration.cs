using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.People;

namespace Throughcare.Core.Domain.Custody;

public sealed class CustodyPeriodConfiguration : IEntityTypeConfiguration<CustodyPeriod>
{
    public void Configure(EntityTypeBuilder<CustodyPeriod> b)
    {
        b.Property(p => p.ReleaseBorough).HasMaxLength(60);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.SubmissionId).IsUnique();
        b.HasIndex(p => new { p.PersonId, p.ReceptionOn });
        b.HasIndex(p => new { p.ReleaseBorough, p.ExpectedReleaseOn });
        b.HasIndex(p => new { p.ReleaseBorough, p.ReleasedOn });
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.ReceptionPrisonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CustodyPeriod>().WithMany().HasForeignKey(p => p.RecalledFromPeriodId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JourneyTemplate>().WithMany().HasForeignKey(p => p.JourneyTemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Moves).WithOne().HasForeignKey(m => m.CustodyPeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.KeyDateChanges).WithOne().HasForeignKey(c => c.CustodyPeriodId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CustodyMoveConfiguration : IEntityTypeConfiguration<CustodyMove>
{
    public void Configure(EntityTypeBuilder<CustodyMove> b)
    {
        b.Property(m => m.Note).HasMaxLength(CustodyPeriod.ReasonMaxLength);
        b.HasIndex(m => m.ToPrisonId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.FromPrisonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.ToPrisonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class KeyDateChangeConfiguration : IEntityTypeConfiguration<KeyDateChange>
{
    public void Configure(EntityTypeBuilder<KeyDateChange> b)
    {
        b.Property(c => c.Reason).HasMaxLength(CustodyPeriod.ReasonMaxLength);
        b.HasIndex(c => new { c.CustodyPeriodId, c.ChangedAt });
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.ChangedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
