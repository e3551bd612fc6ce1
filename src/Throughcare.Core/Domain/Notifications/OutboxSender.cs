using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Notifications;

public sealed class EmailOptions
{
    /// <summary>The SMTP server; when empty, messages wait in the outbox and nothing is sent.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;

    /// <summary>Upgrade the connection with STARTTLS, and refuse to send if the server cannot.</summary>
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "throughcare@localhost";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>Sends one message over SMTP with MailKit, connecting for each message (the outbox sends few, and retries).</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var message = new MimeKit.MimeMessage();
        message.From.Add(MimeKit.MailboxAddress.Parse(o.From));
        message.To.Add(MimeKit.MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new MimeKit.TextPart(MimeKit.Text.TextFormat.Plain) { Text = body };

        using var client = new SmtpClient();
        await client.ConnectAsync(o.SmtpHost ?? throw new InvalidOperationException("No SMTP host is configured."), o.SmtpPort, o.EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// Sends queued e-mails and text messages, through GOV.UK Notify when it is configured and otherwise e-mails alone by
/// SMTP. Each node claims a message by a conditional update before sending it, so several nodes
/// sharing one database never send a message twice; a failure is retried with a growing delay.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    IEmailSender sender,
    NotifySender notify,
    TimeProvider time,
    ILogger<OutboxSender> logger,
    IOptions<EmailOptions> options,
    IOptions<NotifyOptions> notifyOptions) : BackgroundService
{
    public const string TextMessagesNeedNotify = "Text messages need GOV.UK Notify: set Notify:ApiKey";

    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.SmtpHost) && !notifyOptions.Value.IsConfigured)
        {
            logger.LogWarning("Neither GOV.UK Notify (Notify:ApiKey) nor an SMTP host (Throughcare:Email:SmtpHost) is configured: messages stay in the outbox.");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendBatchAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sending the outbox failed; trying again shortly.");
            }

            await Task.Delay(options.Value.PollInterval, time, stoppingToken);
        }
    }

    /// <summary>Claims and sends up to 20 due messages; returns how many it sent.</summary>
    public async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(20).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.LockedBy, _node).SetProperty(x => x.LockedUntil, now.AddMinutes(2)), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            var viaNotify = notifyOptions.Value.IsConfigured;
            if (message.Channel == OutboxChannel.TextMessage && !viaNotify)
            {
                // Nothing here can send it: say so once, and leave it out of every later batch rather than retrying forever.
                await db.OutboxMessages.Where(m => m.Id == id && m.LockedBy == _node)
                    .ExecuteUpdateAsync(m => m
                        .SetProperty(x => x.Attempts, message.Attempts + 1)
                        .SetProperty(x => x.LastError, TextMessagesNeedNotify)
                        .SetProperty(x => x.NextAttemptAt, (DateTime?)null)
                        .SetProperty(x => x.LockedUntil, (DateTime?)null), cancellationToken);
                logger.LogWarning("Text message {MessageId} not sent: {Error}", id, TextMessagesNeedNotify);
                continue;
            }

            try
            {
                if (viaNotify)
                {
                    await notify.SendAsync(message, cancellationToken);
                }
                else
                {
                    await sender.SendAsync(message.To, message.Subject, message.Body, cancellationToken);
                }

                await db.OutboxMessages.Where(m => m.Id == id && m.LockedBy == _node)
                    .ExecuteUpdateAsync(m => m.SetProperty(x => x.SentAt, time.GetUtcNow().UtcDateTime).SetProperty(x => x.LockedUntil, (DateTime?)null), cancellationToken);
                sent++;
            }
            catch (Exception ex) when ((ex is MailKit.CommandException or MailKit.ProtocolException or AuthenticationException
                or System.Net.Sockets.SocketException or IOException or InvalidOperationException or MimeKit.ParseException)
                || NotifySender.IsSendFailure(ex))
            {
                var attempts = message.Attempts + 1;
                var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                await db.OutboxMessages.Where(m => m.Id == id && m.LockedBy == _node)
                    .ExecuteUpdateAsync(m => m
                        .SetProperty(x => x.Attempts, attempts)
                        .SetProperty(x => x.LastError, error)
                        .SetProperty(x => x.NextAttemptAt, now.AddSeconds(Math.Min(3600, 15 * Math.Pow(2, attempts))))
                        .SetProperty(x => x.LockedUntil, (DateTime?)null), cancellationToken);
                logger.LogWarning("{Channel} {MessageId} not sent (attempt {Attempts}): {Error}", message.Channel, id, attempts, error);
            }
        }

        return sent;
    }
}
