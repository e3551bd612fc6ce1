using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Throughcare.Core.Domain.Accounts;

namespace Throughcare.Core.Domain.ReleaseLists;

/// <summary>
/// Someone a borough's weekly release list goes to: the borough's housing, resettlement or community safety lead,
/// often without a Throughcare account. The e-mail carries a link only; reading the list needs signing in.
/// </summary>
public sealed class BoroughLead
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 256;

    public Guid Id { get; set; }
    public required string Borough { get; set; }
    public required string Name { get; set; }
    public required string OrganisationName { get; set; }
    public required string Role { get; set; }
    public required string Email { get; set; }
    public DateTime AddedAt { get; set; }
    public Guid AddedByUserId { get; set; }
    public DateTime? RemovedAt { get; set; }
    public Guid? RemovedByUserId { get; set; }
}

/// <summary>
/// A release list as it was sent to a borough's leads: the rows frozen as they saw them, the recipients, who sent it
/// (none for the weekly schedule) and the week it was for. A scheduled list goes once a week per borough.
/// </summary>
public sealed class ReleaseListSend
{
    public Guid Id { get; set; }
    public required string Borough { get; set; }

    /// <summary>For the weekly schedule's sends, the Monday of the week it was for; none for a list sent by hand.</summary>
    public DateOnly? ScheduledWeek { get; set; }
    public DateTime SentAt { get; set; }
    public Guid? SentByUserId { get; set; }
    public int WindowWeeks { get; set; }

    /// <summary>The leads' e-mail addresses, one per line.</summary>
    public required string Recipients { get; set; }

    /// <summary>The rows as sent, as JSON (<see cref="ReleaseListRow"/>).</summary>
    public required string Rows { get; set; }
}

public sealed class BoroughLeadConfiguration : IEntityTypeConfiguration<BoroughLead>
{
    public void Configure(EntityTypeBuilder<BoroughLead> b)
    {
        b.Property(l => l.Borough).HasMaxLength(60);
        b.Property(l => l.Name).HasMaxLength(BoroughLead.NameMaxLength);
        b.Property(l => l.OrganisationName).HasMaxLength(BoroughLead.NameMaxLength);
        b.Property(l => l.Role).HasMaxLength(BoroughLead.NameMaxLength);
        b.Property(l => l.Email).HasMaxLength(BoroughLead.EmailMaxLength);
        b.HasIndex(l => l.Borough);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.AddedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.RemovedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReleaseListSendConfiguration : IEntityTypeConfiguration<ReleaseListSend>
{
    public void Configure(EntityTypeBuilder<ReleaseListSend> b)
    {
        b.Property(s => s.Borough).HasMaxLength(60);
        b.HasIndex(s => new { s.Borough, s.SentAt });

        // The weekly schedule sends once per borough and week, even when several nodes run it at the same moment.
        // Lists sent by hand have none, and nulls never clash.
        b.HasIndex(s => new { s.Borough, s.ScheduledWeek }).IsUnique();
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.SentByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
