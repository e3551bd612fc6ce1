namespace Throughcare.Core.Domain.Notifications;

/// <summary>How an outbox message reaches its recipient: an e-mail (by GOV.UK Notify or SMTP) or a text message (by Notify).</summary>
public enum OutboxChannel { Email, TextMessage }

/// <summary>An e-mail or text message written in the same transaction as the change it reports, and sent afterwards.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public OutboxChannel Channel { get; set; }

    /// <summary>An e-mail address, or a phone number for a text message.</summary>
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The node sending it, so that several nodes never send one message twice.</summary>
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
}
