using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.ReleaseLists;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Web.Pages.ReleaseLists;

/// <summary>
/// A release list as it was sent: frozen as the leads saw it that day, showing of it only the people the reader's
/// organisation may see now. The link in the leads' e-mail opens this page, after signing in.
/// </summary>
public sealed class SentModel(ReleaseListReader reader, ReleaseListService lists, ThroughcareDbContext db, ReadAudit reads) : BoroughPageModel(reader)
{
    [FromRoute]
    public Guid SendId { get; set; }

    public ReleaseListSend Send { get; private set; } = null!;
    public IReadOnlyList<ReleaseListRow> Rows { get; private set; } = [];
    public int Hidden { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await lists.SentAsync(Borough, SendId, HttpContext.RequestAborted) is not { } sent)
        {
            return NotFound();
        }

        Send = sent.Send;
        var ids = sent.Rows.Select(r => r.PersonId).ToList();
        var visible = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(HttpContext.RequestAborted);
        Rows = sent.Rows.Where(r => visible.Contains(r.PersonId)).ToList();
        Hidden = sent.Rows.Count - Rows.Count;
        reads.ShownPeople(Rows.Select(r => r.PersonId), AuditActions.View, $"release list for {BoroughName} as sent");
        return Page();
    }
}
