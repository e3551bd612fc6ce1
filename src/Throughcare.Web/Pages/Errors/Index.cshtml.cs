using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Errors;

[IgnoreAntiforgeryToken]
public sealed class IndexModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Reference => HttpContext.TraceIdentifier;

    /// <summary>Whether the node refused the request because it was serving all it could at once, not for too many attempts.</summary>
    public bool Busy => HttpContext.Items.ContainsKey(Infrastructure.ThroughcareHost.BusyKey);

    /// <summary>The record a change was refused on because it moved on first (closed, sent, withdrawn), if that is why.</summary>
    public IRecordInView? MovedOn => HttpContext.MovedOnRecord();

    /// <summary>Where the moved-on record is shown now.</summary>
    public string? MovedOnHref => MovedOn switch
    {
        { RecordType: AuditRecordTypes.Referral } r => $"/referrals/{r.Id}",
        { RecordType: AuditRecordTypes.Episode } r => $"/episodes/{r.Id}",
        { RecordType: AuditRecordTypes.Person } r => $"/people/{r.Id}",
        _ => null,
    };

    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    // The code is read from the route, not model-bound: binding fails as a whole when a re-executed POST's form
    // cannot be read (malformed, too many fields), which would turn that 400 into a 500.
    private IActionResult Show()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var routeCode) ? routeCode : 500;

        // The failed request's form errors belong to that request, not to this page.
        ModelState.Clear();

        // A request the server refused to read (body too large, malformed) is the client's error, not ours.
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is BadHttpRequestException badRequest)
        {
            code = badRequest.StatusCode;
        }

        // The database down, hung, locked or full: the service is unavailable for now, not broken.
        if (DatabaseFaults.IsUnavailable(error))
        {
            code = StatusCodes.Status503ServiceUnavailable;
            DatabaseFaults.ForgetIdleConnections(HttpContext.RequestServices.GetRequiredService<ThroughcareDbContext>().Database.GetDbConnection(), error);
        }

        // The anti-forgery check reads the form first and reports a body over the limit as a bad token: say what happened.
        if (code == StatusCodes.Status400BadRequest && Request.ContentLength > HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize)
        {
            code = StatusCodes.Status413PayloadTooLarge;
        }

        Code = code is >= 400 and <= 599 ? code : 500;
        Heading = Code switch
        {
            400 => "There is a problem with your request",
            403 => "You do not have permission to view this page",
            404 => "Page not found",
            405 => "You cannot do that on this page",
            409 => MovedOn is { } record ? $"This {record.RecordType} has changed" : "Someone else changed this record",
            413 => "What you sent was too large",
            429 when Busy => "Sorry, Throughcare is busy",
            429 => "Too many attempts",
            503 => "Sorry, the service is unavailable",
            _ => "Sorry, there is a problem with the service",
        };
        if (Code == StatusCodes.Status503ServiceUnavailable)
        {
            DatabaseFaults.AskToRetry(Response);
        }

        // A partner system calling the API gets a problem document, not a web page.
        var path = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        if (path is not null && path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonResult(new ProblemDetails
            {
                Status = Code,
                Title = Heading,
                Detail = Code == StatusCodes.Status503ServiceUnavailable ? "Throughcare cannot reach its records at the moment. Try again later."
                    : MovedOn is { } record ? RecordGate.MovedOnDetail(record) : null,
                Extensions = { ["reference"] = Reference },
            })
            { StatusCode = Code, ContentType = "application/problem+json" };
        }

        return new PageResult { StatusCode = Code };
    }
}
