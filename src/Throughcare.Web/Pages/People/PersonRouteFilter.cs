using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Infrastructure.Database;

namespace Throughcare.Web.Pages.People;

public sealed record PersonHeader(Guid Id, string Name, DateOnly? DateOfBirth, string? Crn, string? PrisonNumber, string? NhsNumber);

/// <summary>
/// Loads the person named in the route for every page under /people/{personId}, through the access filter: a person
/// the user's organisation has no role with answers 404 (and the attempt is audited); a merged record redirects to
/// the record it was merged into. Handlers never repeat this check.
/// </summary>
public sealed class PersonRouteFilter : IAsyncPageFilter
{
    public const string ItemKey = "throughcare:person";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.RouteData.Values["personId"] is not string raw)
        {
            await next();
            return;
        }

        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<ThroughcareDbContext>();
        var person = Guid.TryParse(raw, out var personId)
            ? await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new { p.MergedIntoPersonId, Header = new PersonHeader(p.Id, p.Details.GivenName + " " + p.Details.FamilyName, p.Details.DateOfBirth, p.Details.Crn, p.Details.PrisonNumber, p.Details.NhsNumber) })
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted)
            : null;
        if (person is null)
        {
            var audit = services.GetRequiredService<AuditLog>();
            audit.Add(AuditRecordTypes.Person, raw.Length > 100 ? raw[..100] : raw, AuditActions.AccessDenied,
                personId == Guid.Empty ? null : personId, new { path = context.HttpContext.Request.Path.Value }, AuditOutcome.Denied);
            await db.SaveChangesAsync(context.HttpContext.RequestAborted);
            context.Result = new NotFoundResult();
            return;
        }

        if (person.MergedIntoPersonId is { } survivor)
        {
            var path = context.HttpContext.Request.Path.Value!.Replace(raw, survivor.ToString(), StringComparison.OrdinalIgnoreCase);
            context.Result = new RedirectResult(path);
            return;
        }

        context.HttpContext.Items[ItemKey] = person.Header;
        await next();
    }
}
