using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Referrals;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Services;

/// <summary>The receiving service's referrals, oldest first, filtered by state: where a manager decides what to screen next.</summary>
[Authorize(Policy = Capabilities.ScreenReferrals)]
public sealed class SiftModel(ThroughcareDbContext db, CurrentUser user, ReadAudit reads, TimeProvider time) : PageModel
{
    public const int PageSize = 25;

    /// <summary>The states a sent referral can be in, in the order a manager works through them.</summary>
    public static readonly ReferralState[] Filters =
        [ReferralState.Submitted, ReferralState.Screening, ReferralState.AwaitingInformation, ReferralState.Accepted, ReferralState.Declined, ReferralState.Withdrawn];

    public Guid ServiceId { get; private set; }
    public string ServiceName { get; private set; } = "";
    public ReferralState? State { get; private set; }
    public IReadOnlyDictionary<ReferralState, int> Counts { get; private set; } = new Dictionary<ReferralState, int>();
    public int Total => Counts.Values.Sum();
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid serviceId, string? state, [FromQuery(Name = "page")] int pageNumber = 1)
    {
        var organisationId = user.RequireOrganisationId();
        var service = await db.Services.AsNoTracking().Where(s => s.Id == serviceId && s.OrganisationId == organisationId).Select(s => new { s.Id, s.Name }).SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (service is null)
        {
            return NotFound();
        }

        ServiceId = service.Id;
        ServiceName = service.Name;
        State = Enum.TryParse<ReferralState>(state, ignoreCase: true, out var parsed) && parsed != ReferralState.Draft ? parsed : null;

        var sent = db.Referrals.AsNoTracking().Where(r => r.ServiceId == serviceId && r.State != ReferralState.Draft);
        var counts = await sent.GroupBy(r => r.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(HttpContext.RequestAborted);
        Counts = Filters.ToDictionary(s => s, s => counts.SingleOrDefault(c => c.State == s)?.Count ?? 0);

        var filtered = State is { } only ? sent.Where(r => r.State == only) : sent;
        var ordered = filtered.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Select(r => new
        {
            r.Id,
            r.PersonId,
            Person = db.People.Where(p => p.Id == r.PersonId).Select(p => p.Details.GivenName + " " + p.Details.FamilyName).FirstOrDefault(),
            Referrer = db.Organisations.Where(o => o.Id == r.ReferringOrganisationId).Select(o => o.Name).FirstOrDefault(),
            r.State,
            r.SubmittedAt,
            r.DecidedAt,
            r.AllocatedAt,
        });
        var (items, current, totalPages) = await Paging.PageAsync(ordered, pageNumber, PageSize, HttpContext.RequestAborted);
        CurrentPage = current;
        TotalPages = totalPages;
        var now = time.GetUtcNow().UtcDateTime;
        Rows = items.Select(r =>
        {
            var timing = new Referral { State = r.State, SubmittedAt = r.SubmittedAt, DecidedAt = r.DecidedAt, AllocatedAt = r.AllocatedAt };
            return new Row(r.Id, r.Person ?? "Not available", r.Referrer ?? "", r.State, r.SubmittedAt, timing.DaysToDecision(now), timing.DaysToAllocation(now), r.DecidedAt is not null, r.AllocatedAt is not null);
        }).ToList();

        reads.ShownPeople(items.Select(r => r.PersonId).Distinct(), AuditActions.SearchResult, null);
        return Page();
    }

    public string FilterHref(ReferralState? state) => state is null ? $"/services/{ServiceId}/sift" : $"/services/{ServiceId}/sift?state={state}";

    public string PageHrefTemplate => State is null ? $"/services/{ServiceId}/sift?page={{page}}" : $"/services/{ServiceId}/sift?state={State}&page={{page}}";

    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    public static string TagColour(ReferralState state) => state switch
    {
        ReferralState.Submitted => "blue",
        ReferralState.Screening => "purple",
        ReferralState.AwaitingInformation => "yellow",
        ReferralState.Accepted => "green",
        ReferralState.Declined => "red",
        _ => "grey",
    };

    public sealed record Row(Guid Id, string Person, string Referrer, ReferralState State, DateTime? SubmittedAt, int? DaysToDecision, int? DaysToAllocation, bool Decided, bool Allocated);
}
