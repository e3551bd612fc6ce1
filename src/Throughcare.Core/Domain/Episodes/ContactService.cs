using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Episodes;

/// <summary>
/// A contact as entered, on the page or through the API: the one shape both validate. Date and time are UK wall-clock
/// values ("14:30"); length is text so that "an hour" gets a message rather than a binding error.
/// </summary>
public sealed partial class ContactInput
{
    public const int NoteMaxLength = 8000;

    public DateParts Date { get; set; } = new();
    public string? Time { get; set; }
    public string? DurationMinutes { get; set; }
    public ContactMode? Mode { get; set; }
    public Guid? StrandId { get; set; }
    public Attendance? Attendance { get; set; }
    public List<string> Interventions { get; set; } = [];
    public List<string> Pathways { get; set; } = [];
    public string? Note { get; set; }
    public bool NoteRestricted { get; set; }
    public bool IsReengagementAttempt { get; set; }

    public static ContactInput From(Contact contact) => new()
    {
        Date = DateParts.From(Display.LondonDate(contact.OccurredAt)),
        Time = LondonTime(contact.OccurredAt),
        DurationMinutes = contact.DurationMinutes.ToString(CultureInfo.InvariantCulture),
        Mode = contact.Mode,
        StrandId = contact.ServiceStrandId,
        Attendance = contact.Attendance,
        Interventions = [.. contact.Interventions],
        Pathways = [.. contact.Pathways],
        Note = contact.Note,
        NoteRestricted = contact.NoteRestricted,
        IsReengagementAttempt = contact.IsReengagementAttempt,
    };

    /// <summary>The UTC instant of the date and time, when both are real (a UK clock-change gap is not).</summary>
    public DateTime? OccurredAt() => At(Date, Time);

    /// <summary>The UTC instant of a UK date and 24-hour time, when both are real (a UK clock-change gap is not).</summary>
    public static DateTime? At(DateParts dateParts, string? timeText)
    {
        if (!dateParts.TryGetDate(out var date) || ParseTime(timeText) is not { } time)
        {
            return null;
        }

        try
        {
            return Display.FromLondon(date, time);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A UTC instant as UK 24-hour clock time, the way the form takes it.</summary>
    public static string LondonTime(DateTime utc) =>
        Display.ToLondon(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    public int? Minutes() => int.TryParse(DurationMinutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) ? minutes : null;

    public static TimeOnly? ParseTime(string? value) =>
        value is not null && TimePattern().IsMatch(value.Trim()) && TimeOnly.TryParseExact(value.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;

    [GeneratedRegex("^([01]?[0-9]|2[0-3]):[0-5][0-9]$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex TimePattern();
}

/// <summary>A strand of the episode a contact can be recorded against, and when it ran.</summary>
public sealed record ContactStrand(Guid ServiceStrandId, string Name, string InterventionList, IReadOnlyList<(DateTime StartedAt, DateTime? EndedAt)> Periods)
{
    public ReferenceList<ReferenceItem> InterventionItems => Interventions.For(InterventionList);

    /// <summary>Running on that UK day: a strand allocated in the afternoon covers the morning's session too.</summary>
    public bool RunsAt(DateTime occurredAt) =>
        Periods.Any(p => Display.LondonDate(p.StartedAt) <= Display.LondonDate(occurredAt) && (p.EndedAt is null || occurredAt < p.EndedAt));
}

/// <summary>
/// What a contact is checked against: the episode's state, start and strands, the time now, and the resettlement
/// pathways offered (those in use, and any retired one the contact being corrected already holds).
/// </summary>
public sealed record ContactRules(EpisodeState State, DateOnly StartedOn, IReadOnlyList<ContactStrand> Strands, DateTime Now, ReferenceList<Pathway> Pathways, bool KeepsReengagementAttempt = false)
{
    public ContactStrand? Strand(Guid? serviceStrandId) => Strands.SingleOrDefault(s => s.ServiceStrandId == serviceStrandId);

    public bool OffersReengagementAttempt => State == EpisodeState.Disengaged || KeepsReengagementAttempt;

    /// <summary>The one validator of a contact, for the pages and the API alike.</summary>
    public FluentValidation.Results.ValidationResult Validate(ContactInput input) => Validator().Validate(input);

    private InlineValidator<ContactInput> Validator() => new()
    {
        v => v.RuleFor(x => x).Must(_ => State != EpisodeState.Closed).WithMessage("Contacts cannot be recorded on a closed episode").OverridePropertyName("Date"),
        v => v.RuleFor(x => x.Date).Satisfies(_ => new DateRule("Date of the contact", "Enter the date of the contact", StartedOn, Display.LondonDate(Now),
            $"Date of the contact must be on or after the episode started on {Display.Date(StartedOn)}", "Date of the contact must be today or in the past")),
        v => v.RuleFor(x => x.Time).NotEmpty().WithMessage("Enter the time of the contact")
            .Must(t => ContactInput.ParseTime(t) is not null).WithMessage("Enter the time of the contact as 24-hour time, like 14:30"),
        v => v.RuleFor(x => x.Time).Must((x, _) => x.OccurredAt() is not null).WithMessage("The time of the contact must be a real time in the UK on that date")
            .When(x => x.Date.TryGetDate(out _) && ContactInput.ParseTime(x.Time) is not null),
        v => v.RuleFor(x => x.Time).Must((x, _) => x.OccurredAt() <= Now).WithMessage("The time of the contact must be in the past")
            .When(x => x.OccurredAt() is not null && Display.LondonDate(x.OccurredAt()!.Value) == Display.LondonDate(Now)),
        v => v.RuleFor(x => x.DurationMinutes).SessionLength("Enter the length of the contact in minutes"),
        v => v.RuleFor(x => x.Mode).NotNull().WithMessage("Select how the contact took place").IsInEnum().WithMessage("Select how the contact took place"),
        v => v.RuleFor(x => x.StrandId).NotNull().WithMessage("Select the strand of support")
            .Must(id => Strand(id) is not null).WithMessage("Select one of the episode's strands of support"),
        v => v.RuleFor(x => x.StrandId).Must((x, id) => Strand(id)!.RunsAt(x.OccurredAt()!.Value))
            .WithMessage(x => $"The {Strand(x.StrandId)!.Name.ToLowerInvariant()} strand was not running at the time of the contact")
            .When(x => Strand(x.StrandId) is not null && x.OccurredAt() is not null),
        v => v.RuleFor(x => x.Attendance).NotNull().WithMessage("Select whether the person attended").IsInEnum().WithMessage("Select whether the person attended"),
        v => v.RuleFor(x => x.Interventions).Must(i => i.Count == 0).WithMessage("Interventions can only be recorded for a contact that took place")
            .When(x => x.Attendance is not null and not Attendance.Attended and not Attendance.Late),
        v => v.RuleFor(x => x.Interventions).Must((x, codes) => codes.All(c => Strand(x.StrandId)!.InterventionItems.Contains(c)))
            .WithMessage(x => $"{string.Join(", ", x.Interventions.Where(c => !Strand(x.StrandId)!.InterventionItems.Contains(c)).Select(Interventions.Label))} is not an intervention of the {Strand(x.StrandId)!.Name.ToLowerInvariant()} strand: select from its list")
            .When(x => Strand(x.StrandId) is not null),
        v => v.RuleFor(x => x.Interventions).Must(i => i.Count <= 20 && i.Distinct().Count() == i.Count).WithMessage("Select each intervention once"),
        v => v.RuleFor(x => x.Pathways).Must(p => p.All(Pathways.Contains) && p.Distinct().Count() == p.Count).WithMessage("Select resettlement pathways from the list"),
        v => v.RuleFor(x => x.Note).SafeText("Case note", ContactInput.NoteMaxLength, multiline: true),
        v => v.RuleFor(x => x.IsReengagementAttempt).Must(r => !r || OffersReengagementAttempt)
            .WithMessage("A re-engagement attempt can only be recorded while the episode is disengaged"),
    };
}

public static class SessionLengthRule
{
    public const int MaximumMinutes = 600;

    /// <summary>A session's length in whole minutes, as text, between 1 and 600: contacts and appointments alike.</summary>
    public static IRuleBuilderOptions<T, string?> SessionLength<T>(this IRuleBuilder<T, string?> rule, string requiredMessage) =>
        rule.NotEmpty().WithMessage(requiredMessage)
            .Must(d => int.TryParse(d?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _)).WithMessage("Length must be a whole number of minutes, like 45")
            .Must(d => int.TryParse(d?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= MaximumMinutes).WithMessage("Length must be between 1 and 600 minutes");
}

/// <summary>The fields of a contact as a correction keeps them in its revision (the note is kept beside it).</summary>
public sealed class ContactSnapshot
{
    public string? OccurredAt { get; init; }

    public int DurationMinutes { get; init; }

    public string? Mode { get; init; }

    public Guid ServiceStrandId { get; init; }

    public string? Attendance { get; init; }
    public string? Interventions { get; init; }
    public string? Pathways { get; init; }

    public bool IsReengagementAttempt { get; init; }

    public bool NoteRestricted { get; init; }

    public static ContactSnapshot Of(Contact contact) => new()
    {
        OccurredAt = contact.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture),
        DurationMinutes = contact.DurationMinutes,
        Mode = contact.Mode.ToString(),
        ServiceStrandId = contact.ServiceStrandId,
        Attendance = contact.Attendance.ToString(),
        Interventions = contact.Interventions.Count == 0 ? null : string.Join(",", contact.Interventions),
        Pathways = contact.Pathways.Count == 0 ? null : string.Join(",", contact.Pathways),
        IsReengagementAttempt = contact.IsReengagementAttempt,
        NoteRestricted = contact.NoteRestricted,
    };

    public static ContactSnapshot? Read(string json) => JsonSerializer.Deserialize<ContactSnapshot>(json);

    /// <summary>The recorded instant, as stored in the snapshot.</summary>
    public DateTime? OccurredAtUtc() =>
        DateTime.TryParseExact(OccurredAt, "yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}

/// <summary>One intervention's count of sessions (attended or late contacts) on one strand: the "dose".</summary>
public sealed record DoseCount(Guid ServiceStrandId, string Intervention, int Sessions);

/// <summary>Records contacts and their corrections. Every write goes through EpisodeWork, so it is versioned and audited.</summary>
public sealed class ContactService(EpisodeWork work, PathwayCatalogue pathways, AppointmentService appointments)
{
    /// <summary>What a contact on this episode is checked against, or null when the episode cannot be seen.</summary>
    public async Task<ContactRules?> RulesAsync(Guid episodeId, CancellationToken cancellationToken, Contact? correcting = null)
    {
        var db = work.Db;
        var episode = await db.Episodes.AsNoTracking().Include(e => e.Strands).SingleOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        return episode is null ? null : await RulesAsync(episode, correcting, cancellationToken);
    }

    private async Task<ContactRules> RulesAsync(Episode episode, Contact? correcting, CancellationToken cancellationToken)
    {
        var serviceStrandIds = episode.Strands.Select(s => s.ServiceStrandId).Distinct().ToList();
        var serviceStrands = await work.Db.ServiceStrands.AsNoTracking().Where(s => serviceStrandIds.Contains(s.Id)).ToListAsync(cancellationToken);
        var strands = serviceStrands.OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new ContactStrand(s.Id, s.Name, s.InterventionList, episode.Strands.Where(e => e.ServiceStrandId == s.Id).Select(e => (e.StartedAt, e.EndedAt)).ToList()))
            .ToList();
        var offered = (await pathways.GetAsync(cancellationToken)).OfferedWith(correcting?.Pathways ?? []);
        return new ContactRules(episode.State, episode.StartedOn, strands, work.Now, offered, correcting?.IsReengagementAttempt == true);
    }

    /// <summary>
    /// Records a contact; a second submission with the same id answers with the first contact. Recorded for an
    /// appointment, it closes that appointment in the same transaction.
    /// </summary>
    public Task<WriteResult> RecordAsync(Guid episodeId, Guid submissionId, ContactInput input, CancellationToken cancellationToken, Guid? appointmentId = null)
    {
        var contactId = Guid.NewGuid();
        var existing = work.Db.Contacts.Where(c => c.SubmissionId == submissionId && c.EpisodeId == episodeId).Select(c => (Guid?)c.Id);
        return work.AddOnceAsync(episodeId, existing, contactId, async episode =>
        {
            var rules = await RulesAsync(episode, null, cancellationToken);
            if (Refuse(rules, input) is { } refused)
            {
                return refused;
            }

            var contact = work.Add(new Contact
            {
                Id = contactId,
                EpisodeId = episode.Id,
                RecordedAt = work.Now,
                RecordedByUserId = work.User.RequireUserId(),
                SubmissionId = submissionId,
            });
            Apply(contact, input);
            work.Record(new ContactRecorded(episode.Id, episode.PersonId, contact.Id, ContactFacts.Of(contact), contact.Note is not null));
            if (appointmentId is { } id && await appointments.CloseAsync(episode, id, contact, cancellationToken) is { } notClosed)
            {
                return notClosed;
            }

            return BecomesActive(episode, contact);
        }, cancellationToken);
    }

    /// <summary>Corrects a contact, keeping what it said before as a revision with who replaced it, when and why.</summary>
    public async Task<WriteResult> CorrectAsync(Guid episodeId, Guid contactId, Guid version, ContactInput input, string reason, CancellationToken cancellationToken)
    {
        var current = await work.Db.Contacts.AsNoTracking().Where(c => c.Id == contactId && c.EpisodeId == episodeId).Select(c => (Guid?)c.Version).SingleOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return new WriteResult.NotFound();
        }

        if (current != version)
        {
            return new WriteResult.Conflict();
        }

        return (await work.ChangeAsync(episodeId, null, async episode =>
        {
            var contact = await work.Db.Contacts.SingleAsync(c => c.Id == contactId, cancellationToken);

            // A correction saved by someone else since the check above fails the save, not overwrites it.
            work.Db.Entry(contact).Property(c => c.Version).OriginalValue = version;
            var rules = await RulesAsync(episode, contact, cancellationToken);
            if (Refuse(rules, input) is { } refused)
            {
                return refused;
            }

            var before = ContactFacts.Of(contact);
            var noteBefore = contact.Note;
            var number = await work.Db.ContactRevisions.CountAsync(r => r.ContactId == contactId, cancellationToken) + 1;
            work.Add(new ContactRevision
            {
                Id = Guid.NewGuid(),
                ContactId = contactId,
                Number = number,
                Snapshot = JsonSerializer.Serialize(ContactSnapshot.Of(contact)),
                Note = contact.Note,
                NoteRestricted = contact.NoteRestricted,
                ReplacedAt = work.Now,
                ReplacedByUserId = work.User.RequireUserId(),
                CorrectionReason = reason,
            });
            Apply(contact, input);
            contact.CorrectedAt = work.Now;
            contact.CorrectedByUserId = work.User.RequireUserId();
            contact.Version = Guid.NewGuid();

            // That the note changed, never its text: a restricted note must not leak through the audit trail.
            work.Record(new ContactCorrected(episode.Id, episode.PersonId, contactId, number, before, ContactFacts.Of(contact),
                !string.Equals(noteBefore, contact.Note, StringComparison.Ordinal), reason));
            return BecomesActive(episode, contact);
        }, cancellationToken)).DoneAs(contactId);
    }

    /// <summary>Attended (or late) sessions per intervention, by strand.</summary>
    public static IReadOnlyList<DoseCount> Dose(IEnumerable<(Guid ServiceStrandId, Attendance Attendance, List<string> Interventions)> contacts) =>
        contacts.Where(c => c.Attendance is Attendance.Attended or Attendance.Late)
            .SelectMany(c => c.Interventions.Distinct().Select(i => (c.ServiceStrandId, Intervention: i)))
            .GroupBy(x => x)
            .Select(g => new DoseCount(g.Key.ServiceStrandId, g.Key.Intervention, g.Count()))
            .OrderBy(d => d.ServiceStrandId).ThenByDescending(d => d.Sessions).ThenBy(d => d.Intervention, StringComparer.Ordinal)
            .ToList();

    /// <summary>The validator's first complaint, on the property it names, when the contact breaks the rules.</summary>
    private static Refusal? Refuse(ContactRules rules, ContactInput input) =>
        rules.Validate(input) is { IsValid: false } result ? new Refusal(result.Errors[0].ErrorMessage, result.Errors[0].PropertyName) : null;

    /// <summary>The first attended contact makes an engaging episode active.</summary>
    private string? BecomesActive(Episode episode, Contact contact) =>
        contact.WasAttended && episode.State == EpisodeState.Engaging ? work.Move(episode, EpisodeState.Active, "First attended contact") : null;

    private static void Apply(Contact contact, ContactInput input)
    {
        contact.OccurredAt = input.OccurredAt()!.Value;
        contact.DurationMinutes = input.Minutes()!.Value;
        contact.Mode = input.Mode!.Value;
        contact.ServiceStrandId = input.StrandId!.Value;
        contact.Attendance = input.Attendance!.Value;
        contact.Interventions = [.. input.Interventions];
        contact.Pathways = [.. input.Pathways];
        contact.Note = TextRules.Tidy(input.Note);
        contact.NoteRestricted = input.NoteRestricted;
        contact.IsReengagementAttempt = input.IsReengagementAttempt;
    }
}
