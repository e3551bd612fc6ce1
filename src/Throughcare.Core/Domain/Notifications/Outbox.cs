using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Notifications;

/// <summary>Queues e-mails in the unit of work, so a message exists exactly when the change it reports is saved.</summary>
public sealed class Outbox(ThroughcareDbContext db, TimeProvider time)
{
    public void Queue(string? to, string subject, string body)
    {
        if (string.IsNullOrWhiteSpace(to))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage { Id = Guid.NewGuid(), To = to, Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now });
    }
}
