using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.Appointments;

public sealed record SetReminderPreference
{
    public required Guid PersonId { get; init; }

    /// <summary>The version the form showed; null when no preference had been recorded.</summary>
    public required Guid? Version { get; init; }
    public required bool Consents { get; init; }
    public ReminderChannel? Channel { get; init; }
}

/// <summary>Whether a person agreed to reminders and how, as their edit form shows it; Version is null before any is recorded.</summary>
public sealed record SavedReminderPreference(bool Consents, ReminderChannel? Channel, Guid? Version, string? Email, string? Phone);

/// <summary>
/// Records whether the person agrees to appointment reminders, and by which channel, on the address or number in their
/// details. Whoever may edit the person may record it (the page asks <see cref="People.PersonRight.Edit"/>); every change
/// is audited on the person's record with what changed.
/// </summary>
public sealed class ReminderPreferences(ThroughcareDbContext db, AuditLog audit, CurrentUser user, TimeProvider time)
{
    public const string NoEmail = "Their details have no email address. Add one to their details, or choose text message";
    public const string NoPhone = "Their details have no phone number. Add one to their details, or choose email";
    public const string ChooseChannel = "Select how they would like to be reminded";

    public async Task<SavedReminderPreference?> FindAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.Details.Email, p.Details.Phone }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        var saved = await db.ReminderPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        return new SavedReminderPreference(saved?.Consents ?? false, saved?.Channel, saved?.Version, person.Email, person.Phone);
    }

    public async Task<WriteResult> SetAsync(SetReminderPreference options, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == options.PersonId && p.MergedIntoPersonId == null)
            .Select(p => new { p.Details.Email, p.Details.Phone }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return new WriteResult.NotFound();
        }

        var channel = options.Consents ? options.Channel : null;
        switch (options.Consents, channel)
        {
            case (true, null):
                return new WriteResult.Refused(ChooseChannel, "Input.Channel");
            case (true, ReminderChannel.Email) when string.IsNullOrWhiteSpace(person.Email):
                return new WriteResult.Refused(NoEmail, "Input.Channel");
            case (true, ReminderChannel.TextMessage) when string.IsNullOrWhiteSpace(person.Phone):
                return new WriteResult.Refused(NoPhone, "Input.Channel");
        }

        var saved = await db.ReminderPreferences.SingleOrDefaultAsync(p => p.PersonId == options.PersonId, cancellationToken);
        if (saved?.Version != options.Version)
        {
            return new WriteResult.Conflict();
        }

        var changes = new List<FieldChange>();
        if ((saved?.Consents ?? false) != options.Consents || saved is null)
        {
            changes.Add(new FieldChange("Agrees to appointment reminders", saved is null ? null : YesNo(saved.Consents), YesNo(options.Consents)));
        }

        if (saved?.Channel != channel)
        {
            changes.Add(new FieldChange("Reminded by", ChannelLabel(saved?.Channel), ChannelLabel(channel)));
        }

        if (saved is not null && changes.Count == 0)
        {
            return new WriteResult.Done(options.PersonId);
        }

        if (saved is null)
        {
            saved = db.ReminderPreferences.Add(new ReminderPreference { PersonId = options.PersonId }).Entity;
        }

        saved.Consents = options.Consents;
        saved.Channel = channel;
        saved.RecordedAt = time.GetUtcNow().UtcDateTime;
        saved.RecordedByUserId = user.RequireUserId();
        saved.Version = Guid.NewGuid();
        audit.Record(new ReminderPreferenceChanged(options.PersonId, changes));
        return await db.SaveOrConflictAsync(new WriteResult.Done(options.PersonId), cancellationToken);
    }

    public static string? ChannelLabel(ReminderChannel? channel) => channel switch
    {
        ReminderChannel.Email => "Email",
        ReminderChannel.TextMessage => "Text message",
        _ => null,
    };

    private static string YesNo(bool value) => value ? "Yes" : "No";
}
