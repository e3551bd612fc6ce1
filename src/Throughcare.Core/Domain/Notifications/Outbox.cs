using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Notifications;

/// <summary>Queues e-mails and text messages in the unit of work, so a message exists exactly when the change it reports is saved.</summary>
public sealed class Outbox(ThroughcareDbContext db, TimeProvider time)
{
    public OutboxMessage? Queue(string? to, string subject, string body, OutboxChannel channel = OutboxChannel.Email)
    {
        if (string.IsNullOrWhiteSpace(to))
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        return db.OutboxMessages.Add(new OutboxMessage { Id = Guid.NewGuid(), Channel = channel, To = to, Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now }).Entity;
    }
}
