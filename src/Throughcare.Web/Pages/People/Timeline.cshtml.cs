using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Web.Domain.Access;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Security;

namespace Throughcare.Web.Pages.People;

/// <summary>The person's timeline: referrals, decisions, allocations, contacts, measures, reviews and state changes, newest first.</summary>
[AuditReadAs(AuditActions.View, Purpose = "timeline")]
public sealed class TimelineModel(ThroughcareDbContext db, CurrentUser user) : PageModel
{
    public const int PageSize = 30;

    public Guid PersonId { get; private set; }
    public IReadOnlyList<TimelineEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Selected { get; private set; } = [];
    public int Total { get; private set; }
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }

    public async Task OnGetAsync(Guid personId, [FromQuery(Name = "kind")] string[]? kinds, [FromQuery(Name = "page")] int pageNumber = 1)
    {
        PersonId = personId;
        Selected = (kinds ?? []).Where(k => Timeline.Kinds.Any(x => x.Kind == k)).Distinct().ToList();
        var all = await Timeline.BuildAsync(db, user, personId, HttpContext.RequestAborted);
        var shown = Selected.Count == 0 ? all : all.Where(e => Selected.Contains(e.Kind)).ToList();
        Total = shown.Count;
        TotalPages = Math.Max(1, (shown.Count + PageSize - 1) / PageSize);
        CurrentPage = Math.Clamp(pageNumber, 1, TotalPages);
        Entries = shown.Skip((CurrentPage - 1) * PageSize).Take(PageSize).ToList();
    }

    public string PageHrefTemplate => $"/people/{PersonId}/timeline?{string.Concat(Selected.Select(k => $"kind={k}&"))}page={{page}}";
}
