using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Web.Pages.Services;

/// <summary>
/// Opens the service a /services page names through <see cref="ServiceAccess"/>, with the right the page needs
/// (<c>[Requires(ServiceRight.Sift)]</c> on the class or the handler; with none, the right to see it). A service the
/// user may not have answers 404 and the attempt is audited as denied; otherwise the handler reads it with
/// <see cref="ServicePages.Service"/> and never checks again.
/// </summary>
public sealed class ServiceRouteFilter : IAsyncPageFilter
{
    public const string RouteKey = "serviceId";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.RouteData.Values.TryGetValue(RouteKey, out var value))
        {
            await next();
            return;
        }

        var http = context.HttpContext;
        var fromHandler = context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(RequiresAttribute), inherit: false).Cast<RequiresAttribute>().ToList() ?? [];
        var named = fromHandler.Count > 0 ? fromHandler : context.HandlerInstance.GetType().GetCustomAttributes(typeof(RequiresAttribute), inherit: true).Cast<RequiresAttribute>();
        var required = named.Select(r => r.Right).OfType<ServiceRight>().DefaultIfEmpty(ServiceRight.See).ToList();

        var raw = value as string ?? "";
        var service = Guid.TryParse(raw, out var id) ? await http.RequestServices.GetRequiredService<ServiceAccess>().FindAsync(id, http.RequestAborted) : null;
        if (service is null || !required.All(service.May))
        {
            http.RequestServices.GetRequiredService<AuditLog>().Add(AuditRecordTypes.Service, raw.Length > 100 ? raw[..100] : raw, AuditActions.AccessDenied,
                details: new { path = http.Request.Path.Value, method = http.Request.Method, needs = string.Join(", ", required) }, outcome: AuditOutcome.Denied);
            await http.RequestServices.GetRequiredService<ThroughcareDbContext>().SaveChangesAsync(http.RequestAborted);
            context.Result = new NotFoundResult();
            return;
        }

        http.Items[ServicePages.ServiceKey] = service;
        await next();
    }
}

/// <summary>How a service page reads the service its route filter opened.</summary>
public static class ServicePages
{
    public const string ServiceKey = "throughcare:service";

    public static ServiceInView Service(this HttpContext context) =>
        context.Items[ServiceKey] as ServiceInView ?? throw new InvalidOperationException($"No service was opened for {context.Request.Path}.");
}
