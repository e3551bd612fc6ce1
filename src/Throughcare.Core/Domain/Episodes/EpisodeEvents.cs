using System.Globalization;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Episodes;

// An episode's events say what changed, never what the team wrote about the person: case notes, review summaries,
// reflective reviews, goals, actions, the person's own words, why they disengaged or came back, and the end-of-service
// summary stay in their own records. They keep the reason a manager gives for a decision about the service's work
// (strands, workers, the planned end, a returned closure), as a referral's decisions do. Each is read by the episode's
// service team (EpisodeRight.See); what the referrer may know of the episode, that it closed and why, needs only
// EpisodeRight.SeeOverview.

/// <summary>One strand of a new episode and the worker allocated to it.</summary>
public sealed record StrandWorker(Guid ServiceStrandId, Guid WorkerUserId);

/// <summary>Allocation opened the person's episode with the service, a worker on each strand.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record EpisodeOpened(Guid EpisodeId, Guid PersonId, Guid ReferralId, Guid ServiceId, IReadOnlyList<StrandWorker> Strands) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Episode, EpisodeId, PersonId, EpisodeId);

    public override string Action() => AuditActions.Create;

    public override IEnumerable<Guid> Mentions() => [ServiceId, .. Strands.SelectMany(s => new[] { s.ServiceStrandId, s.WorkerUserId })];

    public override AuditDescription Describe(AuditLabels labels) =>
        new($"Episode with {labels.Name(ServiceId)} opened", Strands.Select(s => new FieldChange(labels.Name(s.ServiceStrandId, "Strand"), null, labels.Name(s.WorkerUserId))).ToList());
}

/// <summary>A strand passed to another worker; the earlier allocation is ended, not overwritten.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record EpisodeWorkerChanged(Guid EpisodeId, Guid PersonId, Guid EpisodeStrandId, Guid ServiceStrandId, Guid FromWorkerId, Guid ToWorkerId, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Episode, EpisodeId, PersonId, EpisodeId);

    public override IEnumerable<Guid> Mentions() => [ServiceStrandId, FromWorkerId, ToWorkerId];

    public override AuditDescription Describe(AuditLabels labels) =>
        new($"{labels.Name(ServiceStrandId, "Strand")}: worker changed", [new FieldChange("Worker", labels.Name(FromWorkerId), labels.Name(ToWorkerId))], Reason);
}

/// <summary>The episode moved in its life cycle outside closure: it became active, disengaged, or the person came back.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record EpisodeStateChanged(Guid EpisodeId, Guid PersonId, EpisodeState From, EpisodeState To) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Episode, EpisodeId, PersonId, EpisodeId);

    public override AuditDescription Describe(AuditLabels labels) => new(
        (From, To) switch
        {
            (EpisodeState.Disengaged, EpisodeState.Active) => "The person re-engaged",
            (_, EpisodeState.Active) => "Episode became active",
            (_, EpisodeState.Disengaged) => "Episode marked disengaged",
            _ => "Episode state changed",
        },
        [EpisodeEventText.State(From, To)]);
}

/// <summary>A practitioner proposed closing the episode, with a coded reason, a summary and each goal's outcome.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record ClosureProposed(Guid EpisodeId, Guid PersonId, EpisodeState From, EpisodeCloseReason Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Episode, EpisodeId, PersonId, EpisodeId);

    public override AuditDescription Describe(AuditLabels labels) => new("Closure proposed",
    [
        EpisodeEventText.State(From, EpisodeState.Closing),
        new FieldChange("Reason for closing", null, EpisodeStates.Label(Reason)),
        new FieldChange("End-of-service summary", null, "Written"),
    ]);
}

/// <summary>A manager sent a proposed closure back; the episode returned to the state it was in before.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record ClosureReturned(Guid EpisodeId, Guid PersonId, EpisodeState To, EpisodeCloseReason? ProposedReason, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Episode, EpisodeId, PersonId, EpisodeId);

    public override AuditDescription Describe(AuditLabels labels) => new("Closure returned",
    [
        EpisodeEventText.State(EpisodeState.Closing, To),
        new FieldChange("Reason for closing", ProposedReason is { } reason ? EpisodeStates.Label(reason) : null, null),
    ], Reason);
}

/// <summary>A manager signed the closure off: the episode closed. The referring organisation may read this much.</summary>
[ReadRequires(EpisodeRight.SeeOverview)]
public sealed record EpisodeClosed(Guid EpisodeId, Guid PersonId, EpisodeCloseReason? Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Episode, EpisodeId, PersonId, EpisodeId);

    public override AuditDescription Describe(AuditLabels labels) => new("Episode closed",
    [
        EpisodeEventText.State(EpisodeState.Closing, EpisodeState.Closed),
        new FieldChange("Reason for closing", null, Reason is { } reason ? EpisodeStates.Label(reason) : null),
    ]);
}

[ReadRequires(EpisodeRight.See)]
public sealed record StrandAdded(Guid EpisodeId, Guid PersonId, Guid EpisodeStrandId, Guid ServiceStrandId, Guid WorkerUserId, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Episode, EpisodeId, PersonId, EpisodeId);

    public override IEnumerable<Guid> Mentions() => [ServiceStrandId, WorkerUserId];

    public override AuditDescription Describe(AuditLabels labels) =>
        new($"{labels.Name(ServiceStrandId, "Strand")} strand added", [new FieldChange("Worker", null, labels.Name(WorkerUserId))], Reason);
}

/// <summary>A strand stopped; the episode and its other strands carry on.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record StrandEnded(Guid EpisodeId, Guid PersonId, Guid EpisodeStrandId, Guid ServiceStrandId, Guid WorkerUserId, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Episode, EpisodeId, PersonId, EpisodeId);

    public override IEnumerable<Guid> Mentions() => [ServiceStrandId, WorkerUserId];

    public override AuditDescription Describe(AuditLabels labels) =>
        new($"{labels.Name(ServiceStrandId, "Strand")} strand ended", [new FieldChange("Worker", labels.Name(WorkerUserId), null)], Reason);
}

[ReadRequires(EpisodeRight.See)]
public sealed record PlannedEndExtended(Guid EpisodeId, Guid PersonId, DateOnly From, DateOnly To, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Episode, EpisodeId, PersonId, EpisodeId);

    public override AuditDescription Describe(AuditLabels labels) =>
        new("Planned end extended", [new FieldChange("Planned end", Display.Date(From), Display.Date(To))], Reason);
}

/// <summary>A contact as the audit keeps it: its facts, by code, and never its note.</summary>
public sealed record ContactFacts(
    DateTime OccurredAt, int DurationMinutes, ContactMode Mode, Guid ServiceStrandId, Attendance Attendance,
    IReadOnlyList<string> Interventions, IReadOnlyList<string> Pathways, bool IsReengagementAttempt, bool NoteRestricted)
{
    public static ContactFacts Of(Contact contact) => new(
        contact.OccurredAt, contact.DurationMinutes, contact.Mode, contact.ServiceStrandId, contact.Attendance,
        [.. contact.Interventions], [.. contact.Pathways], contact.IsReengagementAttempt, contact.NoteRestricted);

    /// <summary>Each fact as the change history shows it, with labels.</summary>
    public IReadOnlyList<(string Field, string Value)> Labelled(AuditLabels labels) =>
    [
        ("Date and time", Display.DateTime(OccurredAt)),
        ("Length", $"{DurationMinutes.ToString(CultureInfo.InvariantCulture)} minutes"),
        ("How", EpisodeStates.Label(Mode)),
        ("Strand", labels.Name(ServiceStrandId, "Strand")),
        ("Attendance", EpisodeStates.Label(Attendance)),
        ("Interventions", Interventions.Count == 0 ? "None" : string.Join(", ", Interventions.Select(ReferenceData.Interventions.Label))),
        ("Resettlement pathways", Pathways.Count == 0 ? "None" : string.Join(", ", Pathways.Select(labels.Pathways.Label))),
        ("Re-engagement attempt", EpisodeEventText.YesNo(IsReengagementAttempt)),
        ("Note restricted", EpisodeEventText.YesNo(NoteRestricted)),
    ];
}

[ReadRequires(EpisodeRight.See)]
public sealed record ContactRecorded(Guid EpisodeId, Guid PersonId, Guid ContactId, ContactFacts Contact, bool HasNote) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Contact, ContactId, PersonId, EpisodeId);

    public override string Action() => AuditActions.Create;

    public override IEnumerable<Guid> Mentions() => [Contact.ServiceStrandId];

    public override AuditDescription Describe(AuditLabels labels) => new("Contact recorded",
    [
        .. Contact.Labelled(labels).Select(f => new FieldChange(f.Field, null, f.Value)),
        new FieldChange("Case note", null, HasNote ? "Written" : "None"),
    ]);
}

/// <summary>A contact was corrected; the earlier version is kept as revision <see cref="Revision"/>.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record ContactCorrected(Guid EpisodeId, Guid PersonId, Guid ContactId, int Revision, ContactFacts Before, ContactFacts After, bool NoteChanged, string Reason) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Contact, ContactId, PersonId, EpisodeId);

    public override IEnumerable<Guid> Mentions() => [Before.ServiceStrandId, After.ServiceStrandId];

    public override AuditDescription Describe(AuditLabels labels)
    {
        var changes = Before.Labelled(labels).Zip(After.Labelled(labels))
            .Where(p => p.First.Value != p.Second.Value)
            .Select(p => new FieldChange(p.First.Field, p.First.Value, p.Second.Value))
            .ToList();
        if (NoteChanged)
        {
            changes.Add(new FieldChange("Case note", "Earlier note", "Corrected note"));
        }

        return new AuditDescription("Contact corrected", changes, Reason);
    }
}

[ReadRequires(EpisodeRight.See)]
public sealed record NeedsAssessed(Guid EpisodeId, Guid PersonId, Guid AssessmentId, AssessmentOccasion Occasion, DateOnly AssessedOn, IReadOnlyDictionary<string, NeedLevel> Levels, bool HasNote) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.NeedsAssessment, AssessmentId, PersonId, EpisodeId);

    public override string Action() => AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) => new($"{EpisodeStates.Label(Occasion)} needs assessment recorded",
    [
        new FieldChange("Date of the assessment", null, Display.Date(AssessedOn)),
        .. labels.Pathways.InOrder(Levels.Keys).Select(code => new FieldChange(labels.Pathways.Label(code), null, EpisodeStates.Label(Levels[code]))),
        new FieldChange("Note", null, HasNote ? "Written" : "None"),
    ]);
}

/// <summary>How one of the person's three hardest things changed: which, not what it says.</summary>
public enum TextChange { Added, Changed, Removed }

public sealed record PriorityChange(int Position, TextChange Change);

/// <summary>The person's three hardest things were recorded or changed: which of them, never their words.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record PrioritiesChanged(Guid EpisodeId, Guid PersonId, IReadOnlyList<PriorityChange> Changes) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Episode, EpisodeId, PersonId, EpisodeId);

    public override AuditDescription Describe(AuditLabels labels) => new("The three hardest things changed",
        Changes.Select(c => new FieldChange($"Hardest thing {c.Position.ToString(CultureInfo.InvariantCulture)}", c.Change == TextChange.Added ? null : "Earlier words", c.Change switch
        {
            TextChange.Removed => null,
            TextChange.Added => "Recorded",
            _ => "Changed",
        })).ToList());
}

[ReadRequires(EpisodeRight.See)]
public sealed record GoalSet(Guid EpisodeId, Guid PersonId, Guid GoalId, string? Pathway) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Goal, GoalId, PersonId, EpisodeId);

    public override string Action() => AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) =>
        new("Goal set", [new FieldChange("Resettlement pathway", null, Pathway is null ? "None" : labels.Pathways.Label(Pathway))]);
}

/// <summary>A goal's outcome was recorded, as a closure is proposed.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record GoalUpdated(Guid EpisodeId, Guid PersonId, Guid GoalId, GoalOutcome? FromOutcome, GoalOutcome? ToOutcome) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Goal, GoalId, PersonId, EpisodeId);

    public override AuditDescription Describe(AuditLabels labels) =>
        new("Goal outcome recorded", [new FieldChange("Outcome", EpisodeEventText.Outcome(FromOutcome), EpisodeEventText.Outcome(ToOutcome))]);
}

[ReadRequires(EpisodeRight.See)]
public sealed record ActionAdded(Guid EpisodeId, Guid PersonId, Guid GoalId, Guid ActionId, ActionOwner Owner, DateOnly? DueOn) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.GoalAction, ActionId, PersonId, EpisodeId);

    public override string Action() => AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) => new("Action added to a goal",
    [
        new FieldChange("Owner", null, EpisodeStates.Label(Owner)),
        new FieldChange("Due", null, DueOn is { } due ? Display.Date(due) : "No date"),
    ]);
}

[ReadRequires(EpisodeRight.See)]
public sealed record ActionUpdated(Guid EpisodeId, Guid PersonId, Guid GoalId, Guid ActionId, ActionStatus FromStatus, ActionStatus ToStatus, DateOnly? FromDueOn, DateOnly? ToDueOn) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.GoalAction, ActionId, PersonId, EpisodeId);

    public override AuditDescription Describe(AuditLabels labels)
    {
        var changes = new List<FieldChange>();
        if (FromStatus != ToStatus)
        {
            changes.Add(new FieldChange("Status", EpisodeStates.Label(FromStatus), EpisodeStates.Label(ToStatus)));
        }

        if (FromDueOn != ToDueOn)
        {
            changes.Add(new FieldChange("Due", FromDueOn is { } from ? Display.Date(from) : null, ToDueOn is { } to ? Display.Date(to) : null));
        }

        return new AuditDescription("Action updated", changes);
    }
}

/// <summary>An outcome measure was taken; the score and band are worked out from the answers, which stay with the result.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record MeasureRecorded(Guid EpisodeId, Guid PersonId, Guid MeasureId, Guid InstrumentId, string InstrumentName, AssessmentOccasion Occasion, DateOnly TakenOn, int Score, string? Band) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Measure, MeasureId, PersonId, EpisodeId);

    public override string Action() => AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) => new($"{InstrumentName} recorded",
    [
        new FieldChange("Occasion", null, EpisodeStates.Label(Occasion)),
        new FieldChange("Date taken", null, Display.Date(TakenOn)),
        new FieldChange("Score", null, Score.ToString(CultureInfo.InvariantCulture)),
        new FieldChange("Band", null, Band),
    ]);
}

/// <summary>A review was held; what was reviewed and agreed stays in the review.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record ReviewRecorded(Guid EpisodeId, Guid PersonId, Guid ReviewId, DateOnly HeldOn) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.EpisodeReview, ReviewId, PersonId, EpisodeId);

    public override string Action() => AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) => new("Review recorded", [new FieldChange("Held on", null, Display.Date(HeldOn))]);
}

/// <summary>The team reflected on a disengaged episode; what they wrote stays in the review.</summary>
[ReadRequires(EpisodeRight.See)]
public sealed record ReflectiveReviewRecorded(Guid EpisodeId, Guid PersonId, Guid ReviewId) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.ReflectiveReview, ReviewId, PersonId, EpisodeId);

    public override string Action() => AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) => new("Reflective review recorded");
}

/// <summary>An organisation added its own instrument. About no person: the audit search reads it, no change history.</summary>
public sealed record InstrumentAdded(Guid InstrumentId, Guid OrganisationId, string Code, string Name, int Items) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Instrument, InstrumentId, null);

    public override string Action() => AuditActions.Create;

    public override IEnumerable<Guid> Mentions() => [OrganisationId];

    public override AuditDescription Describe(AuditLabels labels) =>
        new($"Instrument {Name} added", [new FieldChange("Code", null, Code), new FieldChange("Items", null, Items.ToString(CultureInfo.InvariantCulture))]);
}

/// <summary>An organisation retired one of its own instruments, or brought it back.</summary>
public sealed record InstrumentRetired(Guid InstrumentId, Guid OrganisationId, bool Retired) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.Instrument, InstrumentId, null);

    public override IEnumerable<Guid> Mentions() => [OrganisationId];

    public override AuditDescription Describe(AuditLabels labels) =>
        new(Retired ? "Instrument retired" : "Instrument brought back", [new FieldChange("Retired", EpisodeEventText.YesNo(!Retired), EpisodeEventText.YesNo(Retired))]);
}

internal static class EpisodeEventText
{
    public static FieldChange State(EpisodeState from, EpisodeState to) => new("State", EpisodeStates.Label(from), EpisodeStates.Label(to));

    public static string YesNo(bool value) => value ? "Yes" : "No";

    public static string? Outcome(GoalOutcome? outcome) => outcome is { } known ? EpisodeStates.Label(known) : null;
}
