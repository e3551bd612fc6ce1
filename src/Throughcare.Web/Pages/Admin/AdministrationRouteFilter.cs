using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;

namespace Throughcare.Web.Pages.Admin;

/// <summary>
/// Checks each record an administration page names, in its route (organisationId, userId, serviceId) or its handler's
/// arguments (tokenId, instrumentId), against <see cref="AdministrationScope"/> before the handler runs: a record the
/// user may not administer answers 404 and the attempt is audited as denied. Handlers never repeat the check. It runs on
/// every page under /admin.
/// </summary>
public sealed class AdministrationRouteFilter : IAsyncPageFilter
{
    private static readonly (string Key, string RecordType)[] Records =
    [
        ("organisationId", AuditRecordTypes.Organisation),
        ("userId", AuditRecordTypes.User),
        ("tokenId", AuditRecordTypes.ApiToken),
        ("instrumentId", AuditRecordTypes.Instrument),
        ("serviceId", AuditRecordTypes.Service),
    ];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var scope = context.HttpContext.RequestServices.GetRequiredService<AdministrationScope>();
        var cancellationToken = context.HttpContext.RequestAborted;
        foreach (var (key, recordType) in Records)
        {
            var value = context.HandlerArguments.TryGetValue(key, out var argument) ? argument : context.RouteData.Values[key];
            if (value is null)
            {
                continue;
            }

            var raw = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            if (!Guid.TryParse(raw, out var id) || !await scope.MayAdministerAsync(recordType, id, cancellationToken))
            {
                await scope.DenyAsync(recordType, raw, cancellationToken);
                context.Result = new NotFoundResult();
                return;
            }

            if (recordType == AuditRecordTypes.Organisation && HttpMethods.IsGet(context.HttpContext.Request.Method))
            {
                await scope.RecordViewAsync(id, cancellationToken);
            }
        }

        await next();
    }
}
