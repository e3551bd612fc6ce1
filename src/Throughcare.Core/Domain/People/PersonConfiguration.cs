using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Throughcare.Core.Domain.Organisations;

namespace Throughcare.Core.Domain.People;

/// <summary>The person's record; who may see it is filtered in ThroughcareDbContext.ConfigureAccessFilters.</summary>
public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ComplexProperty(p => p.Details, d =>
        {
            d.Property(x => x.GivenName).HasMaxLength(100);
            d.Property(x => x.FamilyName).HasMaxLength(100);
            d.Property(x => x.MiddleNames).HasMaxLength(200);
            d.Property(x => x.Crn).HasMaxLength(7);
            d.Property(x => x.PncNumber).HasMaxLength(13);
            d.Property(x => x.PrisonNumber).HasMaxLength(7);
            d.Property(x => x.NhsNumber).HasMaxLength(10);
            d.Property(x => x.Phone).HasMaxLength(30);
            d.Property(x => x.Email).HasMaxLength(254);
            d.Property(x => x.Address).HasMaxLength(500);
            d.Property(x => x.Postcode).HasMaxLength(10);
            d.Property(x => x.Borough).HasMaxLength(40);
            d.Property(x => x.GenderIdentity).HasMaxLength(40);
            d.Property(x => x.Ethnicity).HasMaxLength(60);
            d.Property(x => x.PreferredLanguage).HasMaxLength(40);
            d.Property(x => x.Religion).HasMaxLength(40);
            d.Property(x => x.SexualOrientation).HasMaxLength(40);
            d.Property(x => x.Disability).HasMaxLength(40);
        });
        b.Property(p => p.NormalisedName).HasMaxLength(250);
        b.Property(p => p.GivenNameKey).HasMaxLength(40);
        b.Property(p => p.FamilyNameKey).HasMaxLength(40);
        b.HasIndex(p => p.FamilyNameKey);
        b.HasIndex(p => p.SubmissionId).IsUnique();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasMany(p => p.Aliases).WithOne().HasForeignKey(a => a.PersonId);
        b.HasMany(p => p.CareRoles).WithOne().HasForeignKey(r => r.PersonId);
    }
}

public sealed class PersonAliasConfiguration : IEntityTypeConfiguration<PersonAlias>
{
    public void Configure(EntityTypeBuilder<PersonAlias> b)
    {
        b.Property(a => a.GivenName).HasMaxLength(100);
        b.Property(a => a.FamilyName).HasMaxLength(100);
        b.Property(a => a.NormalisedName).HasMaxLength(250);
        b.Property(a => a.GivenNameKey).HasMaxLength(40);
        b.Property(a => a.FamilyNameKey).HasMaxLength(40);
        b.HasIndex(a => a.FamilyNameKey);
    }
}

public sealed class PersonCareRoleConfiguration : IEntityTypeConfiguration<PersonCareRole>
{
    public void Configure(EntityTypeBuilder<PersonCareRole> b)
    {
        b.HasIndex(r => new { r.OrganisationId, r.PersonId });
        b.HasIndex(r => r.ReferralId);
        b.HasIndex(r => new { r.CustodyPeriodId, r.OrganisationId });
        b.HasOne<Custody.CustodyPeriod>().WithMany().HasForeignKey(r => r.CustodyPeriodId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.EndReason).HasMaxLength(200);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
