using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Notifications;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Appointments;

public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>How long before an appointment its reminder is queued.</summary>
    public int HoursAhead { get; set; } = 24;

    /// <summary>The number a reminder asks the person to call; the only thing besides the time and place that it says.</summary>
    public string? ContactNumber { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// What a reminder says, and the words a calendar shows for a place. A reminder may be read by anyone who sees the
/// person's phone or inbox, so it names no one and no service: the time, the place and a number to call.
/// </summary>
public static class ReminderWording
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public const string Subject = "Appointment reminder";

    public static string PlaceKind(AppointmentPlace place) => place switch
    {
        AppointmentPlace.ServiceLocation => "Office",
        AppointmentPlace.Home => "Home visit",
        AppointmentPlace.Prison => "Prison visit",
        AppointmentPlace.Court => "Court",
        AppointmentPlace.Video => "Video call",
        AppointmentPlace.Phone => "Phone call",
        _ => throw new ArgumentOutOfRangeException(nameof(place)),
    };

    public static string Place(AppointmentPlace place, string? detail) =>
        string.IsNullOrWhiteSpace(detail) ? PlaceKind(place) : $"{PlaceKind(place)}: {detail.Trim()}";

    public static string ChannelLabel(OutboxChannel channel) => channel == OutboxChannel.TextMessage ? "Text message" : "Email";

    /// <summary>How a queued reminder reads in the change history: its channel, never its words.</summary>
    public static AuditDescription Queued(OutboxChannel channel) =>
        new("Appointment reminder queued", [new FieldChange("Sent by", null, ChannelLabel(channel))]);

    /// <summary>The start in UK time, as "Thursday 18 June 2026 at 2:30pm".</summary>
    public static string When(DateTime startsAtUtc) =>
        Display.ToLondon(startsAtUtc).ToString("dddd d MMMM yyyy 'at' h:mmtt", EnGb)
            .Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);

    public static string Body(DateTime startsAtUtc, AppointmentPlace place, string? detail, string? contactNumber)
    {
        var body = $"You have an appointment on {When(startsAtUtc)}.\nWhere: {Place(place, detail)}";
        return string.IsNullOrWhiteSpace(contactNumber) ? body : $"{body}\nIf you cannot come or need to change it, call {contactNumber.Trim()}.";
    }
}

/// <summary>
/// Every few minutes, queues one reminder to each person who agreed to them, for each booked appointment starting within
/// the window (24 hours by default). A conditional update sets the appointment's ReminderQueuedAt in the same
/// transaction as the message and its audit row, so when several nodes race only one queues it.
/// </summary>
public sealed class AppointmentReminderService(IServiceScopeFactory scopes, TimeProvider time, IOptions<ReminderOptions> options, ILogger<AppointmentReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await QueueDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Appointment reminders failed; they will be tried again shortly.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Queues the reminders now due and returns how many it queued.</summary>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();
        db.Scope.AsSystem();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var now = time.GetUtcNow().UtcDateTime;
        var until = now.AddHours(options.Value.HoursAhead);
        var due = await (
                from a in db.Appointments
                where a.State == AppointmentState.Booked && a.ReminderQueuedAt == null && a.StartsAt > now && a.StartsAt <= until
                join preference in db.ReminderPreferences on a.PersonId equals preference.PersonId
                where preference.Consents && preference.Channel != null
                join person in db.People on a.PersonId equals person.Id
                select new { a.Id, a.EpisodeId, a.PersonId, a.Version, a.StartsAt, a.Place, a.PlaceDetail, preference.Channel, person.Details.Email, person.Details.Phone })
            .AsNoTracking().ToListAsync(cancellationToken);

        var queued = 0;
        foreach (var a in due)
        {
            var channel = a.Channel == ReminderChannel.TextMessage ? OutboxChannel.TextMessage : OutboxChannel.Email;
            var to = channel == OutboxChannel.TextMessage ? a.Phone : a.Email;
            if (string.IsNullOrWhiteSpace(to))
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Only the node whose update finds the appointment still unreminded, and unchanged since it was read, goes on.
            var claimed = await db.Appointments
                .Where(x => x.Id == a.Id && x.ReminderQueuedAt == null && x.State == AppointmentState.Booked && x.Version == a.Version)
                .ExecuteUpdateAsync(x => x.SetProperty(y => y.ReminderQueuedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var message = outbox.Queue(to, ReminderWording.Subject, ReminderWording.Body(a.StartsAt, a.Place, a.PlaceDetail, options.Value.ContactNumber), channel)!;
            audit.Record(a.EpisodeId is { } episodeId
                ? new AppointmentReminderQueued(a.Id, episodeId, a.PersonId, message.Id, channel)
                : new PersonAppointmentReminderQueued(a.Id, a.PersonId, message.Id, channel));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            queued++;
        }

        return queued;
    }
}
