using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Web.Infrastructure.Web;

/// <summary>
/// Opens the record a request's route names (an episode, a referral, a person) through its aggregate's access object,
/// for pages and API endpoints alike. A record the user may not see, or on which they lack a right the handler needs
/// (<see cref="RequiresAttribute"/>, else the right to see it), is refused and the attempt audited; otherwise the
/// record is handed to the handler (<see cref="RecordPages.Record{T}"/>), its person's identity bar is set, and the
/// read is queued to be recorded once, before the response shows it (<see cref="ReadAudit"/>).
/// </summary>
public static class RecordGate
{
    /// <summary>The access object of the most specific record the route names, or null when it names none.</summary>
    public static IRecordAccess? AccessFor(HttpContext http, RouteValueDictionary routeValues) =>
        http.RequestServices.GetServices<IRecordAccess>()
            .Where(a => routeValues.ContainsKey(a.RouteKey))
            .OrderBy(a => a.Precedence)
            .FirstOrDefault();

    /// <summary>The rights of the access object's kind among those named, else the right to see the record.</summary>
    public static IReadOnlyList<Enum> Required(IRecordAccess access, IEnumerable<RequiresAttribute> named)
    {
        var rights = named.Select(a => a.Right).Where(r => r.GetType() == access.SeeRight.GetType()).ToList();
        return rights.Count > 0 ? rights : [access.SeeRight];
    }

    /// <summary>
    /// The record, opened for this request. Refused, with the refusal audited, when the user may not have it (404); or,
    /// for a change they could make in another state of a record they may see, because it has moved on since they
    /// loaded the form (409: someone closed, sent or withdrew it first).
    /// </summary>
    public static async Task<Opened> OpenAsync(HttpContext http, IRecordAccess access, RouteValueDictionary routeValues, IReadOnlyList<Enum> required, AuditReadAsAttribute? readAs)
    {
        var services = http.RequestServices;
        var raw = routeValues[access.RouteKey] as string ?? "";
        var record = Guid.TryParse(raw, out var id) ? await access.FindAsync(id, routeValues, http.RequestAborted) : null;
        if (record is null || !required.All(record.Allows))
        {
            var movedOn = record is not null && record.Allows(access.SeeRight) && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                && required.Where(r => !record.Allows(r)).All(record.AllowsInAnotherState);
            services.GetRequiredService<AuditLog>().Add(access.RecordType, raw.Length > 100 ? raw[..100] : raw, AuditActions.AccessDenied,
                record?.PersonId ?? (id == Guid.Empty ? null : access.PersonNamedBy(id)),
                new { path = http.Request.Path.Value, method = http.Request.Method, needs = string.Join(", ", required), state = movedOn ? record!.StateLabel : null },
                AuditOutcome.Denied);
            await services.GetRequiredService<ThroughcareDbContext>().SaveChangesAsync(http.RequestAborted);
            if (movedOn)
            {
                http.Items[RecordPages.MovedOnKey] = record;
                return new Opened(null, MovedOn: true);
            }

            return new Opened(null, MovedOn: false);
        }

        http.Items[RecordPages.RecordKey] = record;
        http.Items[RecordPages.PersonHeaderKey] = record is PersonInView person
            ? person.Header
            : await services.GetRequiredService<PersonAccess>().HeaderAsync(record.PersonId, http.RequestAborted);
        services.GetRequiredService<ReadAudit>().Shown(record.RecordType, record.Id, record.PersonId, readAs?.Action ?? AuditActions.View, readAs?.Purpose, new { path = http.Request.Path.Value });
        return new Opened(record, MovedOn: false);
    }

    /// <summary>The problem document for a change refused because the record moved on: what it is now, and that nothing changed.</summary>
    public static string MovedOnDetail(IRecordInView record) =>
        $"The {record.RecordType} is now {record.StateLabel?.ToLowerInvariant()}, so this can no longer be done. Nothing was changed.";
}

/// <summary>What the record gate decided: the record opened for the handler, or refused (404), or refused because it has moved on (409).</summary>
public readonly record struct Opened(IRecordInView? Record, bool MovedOn);

/// <summary>The record gate for every Razor page: 404 for a record the user may not have; merged people redirect to the kept record.</summary>
public sealed class RecordRouteFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var values = context.RouteData.Values;
        if (RecordGate.AccessFor(http, values) is not { } access)
        {
            await next();
            return;
        }

        var page = context.HandlerInstance.GetType();
        var fromHandler = context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(RequiresAttribute), inherit: false).Cast<RequiresAttribute>().ToList() ?? [];
        var required = RecordGate.Required(access, fromHandler.Count > 0 ? fromHandler : page.GetCustomAttributes(typeof(RequiresAttribute), inherit: true).Cast<RequiresAttribute>());
        var readAs = page.GetCustomAttributes(typeof(AuditReadAsAttribute), inherit: false).Cast<AuditReadAsAttribute>().FirstOrDefault();
        var (record, movedOn) = await RecordGate.OpenAsync(http, access, values, required, readAs);
        if (record is null)
        {
            context.Result = new StatusCodeResult(movedOn ? StatusCodes.Status409Conflict : StatusCodes.Status404NotFound);
            return;
        }

        if (record is PersonInView { MergedIntoPersonId: { } survivor })
        {
            http.RequestServices.GetRequiredService<ReadAudit>().Discard();
            context.Result = new RedirectResult(http.Request.Path.Value!.Replace((string)values[access.RouteKey]!, survivor.ToString(), StringComparison.OrdinalIgnoreCase));
            return;
        }

        await next();
    }
}

/// <summary>The record gate for API endpoints, whose rights come from endpoint metadata: 404 as a problem document.</summary>
public sealed class RecordEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var values = http.Request.RouteValues;
        if (RecordGate.AccessFor(http, values) is { } access)
        {
            var metadata = http.GetEndpoint()?.Metadata;
            var required = RecordGate.Required(access, metadata?.GetOrderedMetadata<RequiresAttribute>() ?? []);
            var opened = await RecordGate.OpenAsync(http, access, values, required, metadata?.GetMetadata<AuditReadAsAttribute>());
            if (opened.MovedOn)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The record has changed", detail: RecordGate.MovedOnDetail(http.MovedOnRecord()!));
            }

            if (opened.Record is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
            }
        }

        var result = await next(context);
        var reads = http.RequestServices.GetRequiredService<ReadAudit>();
        if (reads.HasPending)
        {
            if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } || result is not IResult)
            {
                await reads.SaveAsync(http.RequestAborted);
            }
            else
            {
                reads.Discard();
            }
        }

        return result;
    }
}

/// <summary>
/// Saves the reads a response will show before the response is written, for every page: a page that shows a person is
/// audited by construction, whatever its handler did. A redirect or an error status shows no one and records nothing.
/// </summary>
public sealed class ReadAuditResultFilter : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var reads = context.HttpContext.RequestServices.GetRequiredService<ReadAudit>();
        if (reads.HasPending)
        {
            if (Shows(context.Result))
            {
                await reads.SaveAsync(context.HttpContext.RequestAborted);
            }
            else
            {
                reads.Discard();
            }
        }

        await next();
    }

    /// <summary>Results that put the record in front of the user: a page (whatever its status), a file, content or JSON.</summary>
    public static bool Shows(IActionResult result) =>
        result is PageResult or ViewResult or PartialViewResult or FileResult or ContentResult or JsonResult
        || result is ObjectResult { StatusCode: null or (>= 200 and < 300) };
}

/// <summary>How a handler reads the record the record gate opened for it.</summary>
public static class RecordPages
{
    public const string RecordKey = "throughcare:record";
    public const string PersonHeaderKey = "throughcare:person-header";
    public const string MovedOnKey = "throughcare:record-moved-on";

    /// <summary>The route's record, as its access object found it for this user.</summary>
    public static T Record<T>(this HttpContext context)
        where T : class, IRecordInView =>
        context.Items[RecordKey] as T ?? throw new InvalidOperationException($"No {typeof(T).Name} was opened for {context.Request.Path}: the route names no such record.");

    public static PersonHeader? PersonHeader(this HttpContext context) => context.Items[PersonHeaderKey] as PersonHeader;

    /// <summary>The record a change was refused on because it has moved on, for the conflict page that says so.</summary>
    public static IRecordInView? MovedOnRecord(this HttpContext context) => context.Items[MovedOnKey] as IRecordInView;
}
