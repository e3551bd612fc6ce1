using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Audit;

namespace Throughcare.Web.Pages.People;

/// <summary>The record's history, read from the audit trail: who changed what, when, from what to what, as far as the viewer may read it.</summary>
[AuditReadAs(AuditActions.ViewHistory)]
public sealed class HistoryModel(AuditHistory history) : PageModel
{
    public Guid PersonId { get; private set; }
    public IReadOnlyList<HistoryEntry> Entries { get; private set; } = [];
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }

    // Not "page": Razor Pages keeps the page's own path in the route value of that name.
    public async Task OnGetAsync(Guid personId, [FromQuery(Name = "page")] int pageNumber = 1)
    {
        PersonId = personId;
        (Entries, CurrentPage, TotalPages) = await history.ForPersonAsync(personId, pageNumber, 20, HttpContext.RequestAborted);
    }
}
