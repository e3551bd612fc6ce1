namespace Throughcare.Core.Infrastructure.Security;

/// <summary>
/// Gives every request a correlation id of our own, returned in <c>X-Correlation-Id</c> and written on every log line
/// and audit row. A caller's <c>X-Correlation-Id</c> never becomes ours (the audit trail must not carry values a
/// client chose as its own): it is kept apart, cleaned and bounded, as the client's request id.
/// </summary>
public static class CorrelationIds
{
    public const string Header = "X-Correlation-Id";
    public const int MaxClientRequestIdLength = 64;
    private const string ClientRequestIdKey = "throughcare:client-request-id";

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.TraceIdentifier = Guid.NewGuid().ToString("N");
        context.Response.Headers[Header] = context.TraceIdentifier;
        var scope = new Dictionary<string, object> { ["CorrelationId"] = context.TraceIdentifier };
        if (CleanClientRequestId(context.Request.Headers[Header].ToString()) is { } clientRequestId)
        {
            context.Items[ClientRequestIdKey] = clientRequestId;
            scope["ClientRequestId"] = clientRequestId;
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Throughcare.Requests");
        using (logger.BeginScope(scope))
        {
            await next();
        }
    });

    /// <summary>The caller's request id for this request, if it sent a usable one.</summary>
    public static string? ClientRequestId(HttpContext? context) => context?.Items[ClientRequestIdKey] as string;

    /// <summary>Letters, digits and <c>- _ . : /</c> only, at most 64 of them; nothing usable is no id at all.</summary>
    public static string? CleanClientRequestId(string? value)
    {
        var kept = new string((value ?? "").Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/').Take(MaxClientRequestIdLength).ToArray());
        return kept.Length == 0 ? null : kept;
    }
}
