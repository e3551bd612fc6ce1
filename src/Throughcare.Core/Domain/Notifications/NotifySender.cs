using Microsoft.Extensions.Options;
using Notify.Client;

namespace Throughcare.Core.Domain.Notifications;

/// <summary>GOV.UK Notify: when an API key is set, every outbox message (e-mail or text message) goes through it.</summary>
public sealed class NotifyOptions
{
    public const string Section = "Notify";

    /// <summary>The service's API key from Notify; when empty, e-mails go by SMTP and text messages are not sent.</summary>
    public string? ApiKey { get; set; }

    public string BaseUrl { get; set; } = "https://api.notifications.service.gov.uk";

    /// <summary>An e-mail template whose subject is ((subject)) and whose body is ((body)).</summary>
    public string? EmailTemplateId { get; set; }

    /// <summary>A text message template whose message is ((body)).</summary>
    public string? TextMessageTemplateId { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);
}

/// <summary>
/// Sends one outbox message through GOV.UK Notify's API with its .NET client, filling the template's subject and body.
/// One client serves the host: it signs each request afresh and keeps one HTTP connection pool.
/// </summary>
public sealed class NotifySender(IOptions<NotifyOptions> options)
{
    private readonly Lazy<NotificationClient> _client = new(() => new NotificationClient(options.Value.BaseUrl.TrimEnd('/') + "/", options.Value.ApiKey));

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        cancellationToken.ThrowIfCancellationRequested();
        if (message.Channel == OutboxChannel.TextMessage)
        {
            await _client.Value.SendSmsAsync(message.To, Required(o.TextMessageTemplateId, "Notify:TextMessageTemplateId"), new() { ["body"] = message.Body }, clientReference: message.Id.ToString());
        }
        else
        {
            await _client.Value.SendEmailAsync(message.To, Required(o.EmailTemplateId, "Notify:EmailTemplateId"), new() { ["subject"] = message.Subject, ["body"] = message.Body }, clientReference: message.Id.ToString());
        }
    }

    /// <summary>
    /// Whether a send failed in a way worth retrying later: Notify refused it or could not be reached. The client reports
    /// a network failure wrapped in an AggregateException.
    /// </summary>
    public static bool IsSendFailure(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => IsSendFailure(aggregate.InnerException!),
        Notify.Exceptions.NotifyClientException or Notify.Exceptions.NotifyAuthException or HttpRequestException => true,
        _ => false,
    };

    private static string Required(string? templateId, string setting) =>
        string.IsNullOrWhiteSpace(templateId) ? throw new InvalidOperationException($"Set {setting} to the Notify template to send with.") : templateId;
}
