namespace Throughcare.Core.Domain.Episodes;

public enum ContactMode { FaceToFace, Phone, Video, HomeVisit, PrisonVisit, Outreach, LetterOrText }

public enum Attendance { Attended, Late, DidNotAttend, CancelledByPerson, CancelledByService }

/// <summary>
/// A session with the person, or an attempt at one, on one strand of their episode. Corrections keep each earlier
/// version as a ContactRevision; nothing is silently overwritten.
/// </summary>
public sealed class Contact
{
    public Guid Id { get; set; }
    public Guid EpisodeId { get; set; }
    public Guid ServiceStrandId { get; set; }

    /// <summary>When it happened (UTC); entered as London time.</summary>
    public DateTime OccurredAt { get; set; }
    public int DurationMinutes { get; set; }
    public ContactMode Mode { get; set; }
    public Attendance Attendance { get; set; }

    /// <summary>Intervention codes from the strand's controlled list.</summary>
    public List<string> Interventions { get; set; } = [];

    /// <summary>Resettlement pathway codes the contact touched.</summary>
    public List<string> Pathways { get; set; } = [];

    /// <summary>An attempt to re-engage a disengaged person: counted towards closing for disengagement.</summary>
    public bool IsReengagementAttempt { get; set; }

    public string? Note { get; set; }

    /// <summary>Visible only to the episode's team and the data protection officer.</summary>
    public bool NoteRestricted { get; set; }

    public DateTime RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public DateTime? CorrectedAt { get; set; }
    public Guid? CorrectedByUserId { get; set; }
    public List<ContactRevision> Revisions { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
    public Guid? SubmissionId { get; set; }

    public bool WasAttended => Attendance is Attendance.Attended or Attendance.Late;
}

/// <summary>An earlier version of a contact, kept when it was corrected: what it said, who replaced it, when and why.</summary>
public sealed class ContactRevision
{
    public Guid Id { get; set; }
    public Guid ContactId { get; set; }
    public int Number { get; set; }

    /// <summary>The contact's fields as they were, as JSON (see ContactSnapshot).</summary>
    public required string Snapshot { get; set; }
    public string? Note { get; set; }
    public bool NoteRestricted { get; set; }
    public DateTime ReplacedAt { get; set; }
    public Guid ReplacedByUserId { get; set; }
    public required string CorrectionReason { get; set; }
}
