using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Throughcare.Tests.Infrastructure;

/// <summary>A notification GOV.UK Notify's fake accepted: the channel, the recipient, the template and its personalisation.</summary>
public sealed record NotifyRequest(string Channel, string To, string TemplateId, IReadOnlyDictionary<string, string> Personalisation, string? Reference);

/// <summary>
/// The two endpoints of GOV.UK Notify's API that Throughcare calls, on loopback, for the tests: it checks the bearer
/// token as Notify does (a JWT signed with the key's secret, issued by its service id), records each notification and
/// answers 201 with Notify's response, or with Notify's error shape when the token is missing or wrong.
/// </summary>
public sealed class FakeNotify : IAsyncDisposable
{
    public const string ServiceId = "2f1a6b8e-4c3d-4e5f-9a0b-1c2d3e4f5a6b";
    public const string Secret = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a";
    public const string EmailTemplateId = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    public const string TextMessageTemplateId = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";

    private readonly WebApplication _app;

    private FakeNotify(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>A key in Notify's format: a name, then the service id and the secret.</summary>
    public static string ApiKey => $"throughcare_tests-{ServiceId}-{Secret}";

    public string BaseUrl { get; }

    public ConcurrentQueue<NotifyRequest> Received { get; } = new();

    /// <summary>Recipients Notify refuses, as it refuses a number a team key may not send to.</summary>
    public ConcurrentDictionary<string, bool> RefuseTo { get; } = new();

    /// <summary>Requests refused for their bearer token, which Notify would answer 403.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    public static async Task<FakeNotify> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(FakeNotify).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeNotify? fake = null;
        app.MapPost("/v2/notifications/email", (Delegate)((HttpContext http) => fake!.AcceptAsync(http, "email", "email_address")));
        app.MapPost("/v2/notifications/sms", (Delegate)((HttpContext http) => fake!.AcceptAsync(http, "sms", "phone_number")));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake = new FakeNotify(app, address);
        return fake;
    }

    private async Task<IResult> AcceptAsync(HttpContext http, string channel, string recipientField)
    {
        if (!IsSignedByTheKey(http.Request.Headers.Authorization.ToString(), out var problem))
        {
            Refused.Enqueue(problem);
            return Results.Json(new { status_code = 403, errors = new[] { new { error = "AuthError", message = problem } } }, statusCode: 403);
        }

        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        var root = body.RootElement;
        var personalisation = root.TryGetProperty("personalisation", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().ToDictionary(f => f.Name, f => f.Value.ToString())
            : [];
        var reference = root.TryGetProperty("reference", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        var templateId = root.GetProperty("template_id").GetString()!;
        var to = root.GetProperty(recipientField).GetString()!;
        if (RefuseTo.ContainsKey(to))
        {
            return Results.Json(new { status_code = 400, errors = new[] { new { error = "BadRequestError", message = "Can't send to this recipient using a team-only API key" } } }, statusCode: 400);
        }

        Received.Enqueue(new NotifyRequest(channel, to, templateId, personalisation, reference));

        var id = Guid.NewGuid();
        var template = new { id = templateId, version = 1, uri = $"{BaseUrl}/v2/template/{templateId}" };
        var uri = $"{BaseUrl}/v2/notifications/{id}";
        var bodyText = personalisation.GetValueOrDefault("body", "");
        return channel == "email"
            ? Results.Json(new { id, reference, uri, template, content = new { subject = personalisation.GetValueOrDefault("subject", ""), body = bodyText, from_email = "appointments@notifications.service.gov.uk" } }, statusCode: 201)
            : Results.Json(new { id, reference, uri, template, content = new { body = bodyText, from_number = "GOVUK" } }, statusCode: 201);
    }

    /// <summary>"Bearer" and an HS256 JWT whose signature the key's secret makes and whose issuer is the service id.</summary>
    private static bool IsSignedByTheKey(string authorization, out string problem)
    {
        const string Prefix = "Bearer ";
        var parts = authorization.StartsWith(Prefix, StringComparison.Ordinal) ? authorization[Prefix.Length..].Split('.') : [];
        if (parts.Length != 3)
        {
            problem = "Unauthorized: authentication token must be provided";
            return false;
        }

        var expected = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}")));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2])))
        {
            problem = "Invalid token: signature, api token not found";
            return false;
        }

        using var claims = JsonDocument.Parse(FromBase64Url(parts[1]));
        if (!claims.RootElement.TryGetProperty("iss", out var iss) || iss.GetString() != ServiceId)
        {
            problem = "Invalid token: service not found";
            return false;
        }

        problem = "";
        return true;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
