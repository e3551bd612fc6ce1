using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Web.Pages.People;

/// <summary>The person's timeline: referrals, decisions, allocations, contacts, measures, reviews and state changes, newest first.</summary>
[AuditReadAs(AuditActions.View, Purpose = Purpose)]
public sealed class TimelineModel(ThroughcareDbContext db, ReferralAccess referrals, EpisodeAccess episodes, Core.Domain.Custody.CustodyAccess custody, ReadAudit reads) : PageModel
{
    public const int PageSize = 30;
    private const string Purpose = "timeline";

    public IReadOnlyList<TimelineEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Selected { get; private set; } = [];
    public int Total { get; private set; }
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }

    public async Task OnGetAsync(Guid personId, [FromQuery(Name = "kind")] string[]? kinds, [FromQuery(Name = "page")] int pageNumber = 1)
    {
        Selected = (kinds ?? []).Where(k => Timeline.Kinds.Any(x => x.Kind == k)).Distinct().ToList();
        var all = await Timeline.BuildAsync(db, referrals, episodes, custody, personId, HttpContext.RequestAborted);
        var shown = Selected.Count == 0 ? all : all.Where(e => Selected.Contains(e.Kind)).ToList();
        Total = shown.Count;
        TotalPages = Math.Max(1, (shown.Count + PageSize - 1) / PageSize);
        CurrentPage = Math.Clamp(pageNumber, 1, TotalPages);
        Entries = shown.Skip((CurrentPage - 1) * PageSize).Take(PageSize).ToList();

        // Reading a restricted note is part of this read's record.
        if (Entries.Any(e => e.ShowsRestrictedNote))
        {
            reads.Shown(AuditRecordTypes.Person, personId, personId, AuditActions.View, Purpose, new { restricted = true });
        }
    }

    /// <summary>Another page of the same filter, on this page's own address.</summary>
    public string PageHrefTemplate => $"{new QueryBuilder(Selected.Select(k => KeyValuePair.Create("kind", k)))}{(Selected.Count == 0 ? "?" : "&")}page={{page}}";
}
