using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Referrals;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Security;

namespace Throughcare.Web.Pages.Referrals;

/// <summary>What the pages under /referrals/{referralId} know about the referral in view, and who is looking.</summary>
public sealed record ReferralInView(Guid Id, Guid PersonId, Guid ServiceId, string ServiceName, Guid ServiceOrganisationId, Guid ReferringOrganisationId, ReferralState State)
{
    /// <summary>Staff of the service's organisation: they see screening notes; the referrer does not.</summary>
    public bool ViewerIsReceiving { get; init; }
}

/// <summary>
/// Loads the route's referral through the access filter for every page under /referrals/{referralId}: only the
/// referring organisation and the receiving service's organisation find it; anyone else gets 404 and an audited denial.
/// </summary>
public sealed class ReferralRouteFilter : IAsyncPageFilter
{
    public const string ItemKey = "throughcare:referral";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.RouteData.Values["referralId"] is not string raw)
        {
            await next();
            return;
        }

        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<ThroughcareDbContext>();
        var referral = Guid.TryParse(raw, out var referralId)
            ? await db.Referrals.AsNoTracking().Where(r => r.Id == referralId)
                .Select(r => new ReferralInView(r.Id, r.PersonId, r.ServiceId, r.Service!.Name, r.Service.OrganisationId, r.ReferringOrganisationId, r.State))
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted)
            : null;
        if (referral is null)
        {
            services.GetRequiredService<AuditLog>().Add(AuditRecordTypes.Referral, raw.Length > 100 ? raw[..100] : raw, AuditActions.AccessDenied,
                details: new { path = context.HttpContext.Request.Path.Value }, outcome: AuditOutcome.Denied);
            await db.SaveChangesAsync(context.HttpContext.RequestAborted);
            context.Result = new NotFoundResult();
            return;
        }

        var organisationId = services.GetRequiredService<CurrentUser>().OrganisationId;
        context.HttpContext.Items[ItemKey] = referral with { ViewerIsReceiving = organisationId == referral.ServiceOrganisationId };
        await next();
    }
}
