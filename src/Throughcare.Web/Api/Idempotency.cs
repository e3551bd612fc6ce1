using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Security;

namespace Throughcare.Web.Api;

/// <summary>The submission id a keyed request creates its record under, for the endpoint to use.</summary>
public sealed record IdempotentRequest(Guid SubmissionId);

/// <summary>The Idempotency-Key header as the IETF draft describes it (ADR 11).</summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = IdempotencyRecord.KeyMaxLength;

    /// <summary>The key, sent bare or as a structured-field string in quotes; null when it is not one key of 1 to 255 printable ASCII characters.</summary>
    public static string? Parse(StringValues values)
    {
        if (values.Count != 1 || values[0] is not { } key)
        {
            return null;
        }

        if (key.Length >= 2 && key[0] == '"' && key[^1] == '"')
        {
            key = key[1..^1];
        }

        return key.Length is > 0 and <= MaxLength && key.All(c => c is >= ' ' and <= '~') ? key : null;
    }

    /// <summary>The submission id of the record a client's key creates: the same for every retry, different for each client.</summary>
    public static Guid SubmissionId(Guid clientId, string key) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{clientId:N}\n{key}")).AsSpan(0, 16));

    /// <summary>The submission id for this request: its key's, or a new one when it came without a key.</summary>
    public static Guid SubmissionIdFor(HttpContext http) => http.Features.Get<IdempotentRequest>()?.SubmissionId ?? Guid.NewGuid();

    /// <summary>
    /// SHA-256 of the method, the path and the body. A multipart body is hashed part by part (headers and content), not
    /// byte for byte: a client that rebuilds the same request for a retry picks a new boundary.
    /// </summary>
    public static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.PathBase}{request.Path}{request.QueryString}\n"));
        request.EnableBuffering();
        request.Body.Position = 0;
        if (!await HashPartsAsync(request, hash, cancellationToken))
        {
            request.Body.Position = 0;
            await HashAsync(request.Body, hash, cancellationToken);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<bool> HashPartsAsync(HttpRequest request, IncrementalHash hash, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 } boundary)
        {
            return false;
        }

        using var parts = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            var reader = new MultipartReader(boundary.ToString(), request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                foreach (var (name, value) in (section.Headers ?? []).OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
                {
                    parts.AppendData(Encoding.UTF8.GetBytes($"{name.ToLowerInvariant()}: {value}\n"));
                }

                parts.AppendData("\n"u8);
                await HashAsync(section.Body, parts, cancellationToken);
                parts.AppendData("\n--\n"u8);
            }
        }
        catch (Exception malformed) when (malformed is InvalidDataException or IOException)
        {
            // Not well-formed: hashed as bytes instead, and the endpoint answers it with a 400.
            return false;
        }

        hash.AppendData(parts.GetHashAndReset());
        return true;
    }

    private static async Task HashAsync(Stream content, IncrementalHash hash, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
    }

    /// <summary>
    /// Keeps the body of a keyed POST or PATCH readable a second time: minimal APIs bind a JSON body before endpoint filters run,
    /// and the filter must hash what was sent.
    /// </summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if ((HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPatch(context.Request.Method)) && context.Request.Headers.ContainsKey(Header))
        {
            context.Request.EnableBuffering();
        }

        return next(context);
    });

    /// <summary>Makes a POST (or a PATCH) idempotent under the header, and describes the header in the OpenAPI document.</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder endpoint) => endpoint
        .AddEndpointFilter<IdempotencyFilter>()
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Header,
                In = ParameterLocation.Header,
                Description = "Any key of up to 255 printable ASCII characters, unique to this request. A retry with the same key and body "
                    + "gets the first answer again (status, Location and body); the same key with another body is refused with 422, and "
                    + "while the first request is still being handled a retry waits for it, then gets 409 if it is not done.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = MaxLength },
            });
            return Task.CompletedTask;
        });
}

/// <summary>
/// Holds a keyed POST to the IETF Idempotency-Key draft. The key is claimed (in flight, with a lease) before the endpoint
/// runs; a successful answer is stored with it and replayed to every retry with the same body; a failure or refusal
/// gives the key up, so a corrected retry runs again. A claim whose lease ran out (its process died) is taken over.
/// </summary>
public sealed class IdempotencyFilter(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration) : IEndpointFilter
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(1);

    private TimeSpan Wait => configuration.GetValue<TimeSpan?>("Throughcare:Api:IdempotencyWait") ?? TimeSpan.Zero;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(IdempotencyKeys.Header, out var values))
        {
            return await next(context);
        }

        if (IdempotencyKeys.Parse(values) is not { } key)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The Idempotency-Key header must be one key of 1 to 255 printable ASCII characters");
        }

        var clientId = http.RequestServices.GetRequiredService<CurrentUser>().RequireUserId();
        string fingerprint;
        try
        {
            fingerprint = await IdempotencyKeys.FingerprintAsync(http.Request, http.RequestAborted);
        }
        catch (BadHttpRequestException unreadable)
        {
            return Results.Problem(statusCode: unreadable.StatusCode, title: "The request body could not be read");
        }

        if (await ClaimAsync(clientId, key, fingerprint, http.RequestAborted) is { } answered)
        {
            return answered;
        }

        http.Features.Set(new IdempotentRequest(IdempotencyKeys.SubmissionId(clientId, key)));
        try
        {
            if (await next(context) is not IResult result)
            {
                throw new InvalidOperationException("An idempotent endpoint answers with an IResult.");
            }

            // Written to a buffer first, so that what is stored is exactly what the first caller received.
            var body = http.Response.Body;
            using var written = new MemoryStream();
            http.Response.Body = written;
            try
            {
                await result.ExecuteAsync(http);
            }
            finally
            {
                http.Response.Body = body;
            }

            if (http.Response.StatusCode is >= 200 and < 300)
            {
                await CompleteAsync(clientId, key, http.Response, Encoding.UTF8.GetString(written.ToArray()));
            }
            else
            {
                await ReleaseAsync(clientId, key);
            }

            written.Position = 0;
            await written.CopyToAsync(body, http.RequestAborted);
            return Results.Empty;
        }
        catch
        {
            await ReleaseAsync(clientId, key);
            throw;
        }
    }

    /// <summary>Claims the key for this request (null), or answers it: a replay, a 422 for another body, a 409 while the first is still going.</summary>
    private async Task<IResult?> ClaimAsync(Guid clientId, string key, string fingerprint, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var poll = FirstPoll;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();
            var records = db.Set<IdempotencyRecord>();
            var now = time.GetUtcNow().UtcDateTime;
            var record = await records.AsNoTracking().SingleOrDefaultAsync(r => r.ClientId == clientId && r.Key == key, cancellationToken);
            if (record is null)
            {
                records.Add(new IdempotencyRecord { ClientId = clientId, Key = key, Fingerprint = fingerprint, State = IdempotencyState.InFlight, LeaseUntil = now + Lease, CreatedAt = now });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return null;
                }
                catch (DbUpdateException taken) when (taken.IsUniqueViolation())
                {
                    continue;
                }
            }

            if (record.Fingerprint != fingerprint)
            {
                return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "This Idempotency-Key was used for a different request",
                    detail: "Send a new key with a new request; resend a request only with its own key and exactly the same body.");
            }

            if (record.State == IdempotencyState.Completed)
            {
                return new StoredAnswer(record);
            }

            if (record.LeaseUntil <= now)
            {
                // The request holding the key stopped without an answer (its process died): this retry takes over.
                var taken = await records
                    .Where(r => r.ClientId == clientId && r.Key == key && r.State == IdempotencyState.InFlight && r.LeaseUntil == record.LeaseUntil)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, now + Lease), cancellationToken);
                if (taken == 1)
                {
                    return null;
                }

                continue;
            }

            if (waited.Elapsed >= Wait)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "A request with this Idempotency-Key is still being handled",
                    detail: "Try again in a few seconds to get its answer.");
            }

            await Task.Delay(poll, cancellationToken);
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, LongestPoll.Ticks));
        }
    }

    private async Task CompleteAsync(Guid clientId, string key, HttpResponse response, string body)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        string? location = response.Headers.Location;
        await db.Set<IdempotencyRecord>().Where(r => r.ClientId == clientId && r.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.State, IdempotencyState.Completed)
            .SetProperty(r => r.StatusCode, response.StatusCode)
            .SetProperty(r => r.Location, location)
            .SetProperty(r => r.ContentType, response.ContentType)
            .SetProperty(r => r.Body, body)
            .SetProperty(r => r.CompletedAt, now), CancellationToken.None);
    }

    private async Task ReleaseAsync(Guid clientId, string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();
        await db.Set<IdempotencyRecord>().Where(r => r.ClientId == clientId && r.Key == key && r.State == IdempotencyState.InFlight).ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>The first answer again, as it was sent.</summary>
    private sealed class StoredAnswer(IdempotencyRecord record) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = record.StatusCode ?? StatusCodes.Status200OK;
            if (record.Location is not null)
            {
                response.Headers.Location = record.Location;
            }

            if (record.ContentType is not null)
            {
                response.ContentType = record.ContentType;
            }

            await response.WriteAsync(record.Body ?? "", Encoding.UTF8, httpContext.RequestAborted);
        }
    }
}
