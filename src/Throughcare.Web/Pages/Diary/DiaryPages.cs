using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Web.Pages.Diary;

/// <summary>What the diary pages share: refusing a diary the user may not read as though it did not exist.</summary>
public static class DiaryPages
{
    /// <summary>A 404 for a diary the user may not read (or that does not exist), with the attempt audited as denied.</summary>
    public static async Task<IActionResult> RefuseAsync(HttpContext http, string recordType, Guid id)
    {
        http.RequestServices.GetRequiredService<AuditLog>().Add(recordType, id.ToString(), AuditActions.AccessDenied,
            details: new { path = http.Request.Path.Value, method = http.Request.Method, needs = "diary" }, outcome: AuditOutcome.Denied);
        await http.RequestServices.GetRequiredService<ThroughcareDbContext>().SaveChangesAsync(http.RequestAborted);
        return new NotFoundResult();
    }
}
