using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Referrals;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Storage;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Referrals;

/// <summary>A referral's document, always as an attachment named for the type of its content, for the referring and receiving organisations only.</summary>
public sealed class DownloadModel(ThroughcareDbContext db, AuditLog audit, IDocumentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid documentId)
    {
        var referral = HttpContext.Record<ReferralInView>();

        var document = await db.ReferralDocuments.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == documentId && d.ReferralId == referral.Id, HttpContext.RequestAborted);
        var content = document is null ? null : await store.OpenAsync(document.StoredName, HttpContext.RequestAborted);
        if (document is null || content is null)
        {
            return NotFound();
        }

        audit.Add(AuditRecordTypes.Document, document.Id.ToString(), AuditActions.Download, referral.PersonId, new { referral = referral.Id, file = document.FileName });
        try
        {
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        var kind = FileSignatures.ForContentType(document.ContentType);
        return File(content, kind.ContentType, DocumentNames.Served(document.FileName, kind));
    }
}
