using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Storage;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Referrals;

/// <summary>
/// A referral's document, always as an attachment named for the type of its content. The route filter has checked the
/// document is the referral's and the user may see the referral; the download is recorded before the file is sent.
/// </summary>
public sealed class DownloadModel(ThroughcareDbContext db, ReadAudit reads, IDocumentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid documentId)
    {
        var referral = HttpContext.Record<ReferralInView>();
        var document = await db.ReferralDocuments.AsNoTracking().SingleAsync(d => d.Id == documentId && d.ReferralId == referral.Id, HttpContext.RequestAborted);
        var content = await store.OpenAsync(document.StoredName, HttpContext.RequestAborted);
        if (content is null)
        {
            return NotFound();
        }

        reads.Shown(AuditRecordTypes.Document, document.Id, referral.PersonId, AuditActions.Download, details: new { referral = referral.Id });
        Response.Headers.XContentTypeOptions = "nosniff";
        var kind = FileSignatures.ForContentType(document.ContentType);
        return File(content, kind.ContentType, DocumentNames.Served(document.FileName, kind));
    }
}
