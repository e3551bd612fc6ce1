using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Access;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.People;

/// <summary>The record's history, read from the audit trail: who changed what, when, from what to what.</summary>
[AuditReadAs(AuditActions.ViewHistory)]
public sealed class HistoryModel(ThroughcareDbContext db) : PageModel
{
    private static readonly string[] ChangeActions = [AuditActions.Create, AuditActions.Update, AuditActions.Merge, AuditActions.MergedInto];

    public sealed record Entry(string Title, string By, DateTime At, string? Reason, IReadOnlyList<FieldChange> Changes);

    public Guid PersonId { get; private set; }
    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }

    // Not "page": Razor Pages keeps the page's own path in the route value of that name.
    public async Task OnGetAsync(Guid personId, [FromQuery(Name = "page")] int pageNumber = 1)
    {
        PersonId = personId;

        // A kept record's history includes the records merged into it.
        var ids = await db.People.IgnoreQueryFilters().Where(p => p.MergedIntoPersonId == personId).Select(p => p.Id).ToListAsync();
        ids.Add(personId);
        var query = db.AuditEvents.AsNoTracking()
            .Where(a => a.PersonId != null && ids.Contains(a.PersonId.Value) && ChangeActions.Contains(a.Action))
            .OrderByDescending(a => a.Sequence)
            .Select(a => new
            {
                a.Action,
                a.OccurredAt,
                UserName = db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? a.UserName,
                Organisation = db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                a.Details,
                a.PersonId,
            });
        var (rows, current, total) = await Paging.PageAsync(query, pageNumber, 20, HttpContext.RequestAborted);
        (CurrentPage, TotalPages) = (current, total);
        Entries = rows.Select(r =>
        {
            var details = r.Details is null ? null : JsonSerializer.Deserialize<ChangeDetails>(r.Details, AuditLog.JsonOptions);
            var title = r.Action switch
            {
                AuditActions.Create => r.PersonId == personId ? "Record created" : "Merged record created",
                AuditActions.Merge => "Another record merged into this one",
                AuditActions.MergedInto => "Record merged into this one",
                _ => "Details changed",
            };
            var changes = (details?.Changes ?? []).Select(c => c with { From = PersonFieldDisplay.Format(c.Field, c.From), To = PersonFieldDisplay.Format(c.Field, c.To) }).ToList();
            return new Entry(title, $"{r.UserName ?? "System"}{(r.Organisation is null ? "" : $", {r.Organisation}")}", r.OccurredAt, details?.Reason, changes);
        }).ToList();
    }

    private sealed record ChangeDetails(IReadOnlyList<FieldChange>? Changes, string? Reason);
}
