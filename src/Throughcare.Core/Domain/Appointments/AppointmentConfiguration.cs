using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.Services;

namespace Throughcare.Core.Domain.Appointments;

public sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.Property(a => a.PlaceDetail).HasMaxLength(Appointment.PlaceDetailMaxLength);
        b.Property(a => a.Interpreter).HasMaxLength(Appointment.InterpreterMaxLength);
        b.Property(a => a.CancellationReason).HasMaxLength(Appointment.ReasonMaxLength);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => a.SubmissionId).IsUnique();
        b.HasIndex(a => new { a.WorkerUserId, a.StartsAt });
        b.HasIndex(a => new { a.SecondWorkerUserId, a.StartsAt });
        b.HasIndex(a => new { a.EpisodeId, a.StartsAt });
        b.HasIndex(a => new { a.PersonId, a.StartsAt });
        b.HasIndex(a => new { a.State, a.StartsAt });
        b.HasIndex(a => a.SeriesId);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Episode>().WithMany().HasForeignKey(a => a.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ServiceStrand>().WithMany().HasForeignKey(a => a.ServiceStrandId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.WorkerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.SecondWorkerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contact>().WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppointmentSeries>().WithMany().HasForeignKey(a => a.SeriesId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AppointmentSeriesConfiguration : IEntityTypeConfiguration<AppointmentSeries>
{
    public void Configure(EntityTypeBuilder<AppointmentSeries> b) =>
        b.HasOne<Episode>().WithMany().HasForeignKey(s => s.EpisodeId).OnDelete(DeleteBehavior.Restrict);
}

public sealed class ReminderPreferenceConfiguration : IEntityTypeConfiguration<ReminderPreference>
{
    public void Configure(EntityTypeBuilder<ReminderPreference> b)
    {
        b.HasKey(p => p.PersonId);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.Property(f => f.TokenHash).HasMaxLength(64);
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasIndex(f => f.UserId);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
