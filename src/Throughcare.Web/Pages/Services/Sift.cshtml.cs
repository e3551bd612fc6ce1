using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Services;

/// <summary>
/// The receiving service's referrals, those waiting for its decision first and the newest decisions last
/// (<see cref="ReferralQueues.WaitingFirst"/>), filtered by state: where a manager decides what to screen next.
/// It lists, and counts, only the referrals <see cref="ReferralAccess"/> lets the user list: one whose role in the
/// person's care has ended (a declined or withdrawn referral) drops out. Each person listed is a recorded read.
/// </summary>
[Authorize(Policy = Capabilities.ScreenReferrals)]
[Requires(ServiceRight.Sift)]
public sealed class SiftModel(ReadOnlyDb readOnly, CurrentUser user, ReadAudit reads, TimeProvider time) : PageModel
{
    private readonly ThroughcareDbContext db = readOnly.Db;
    private readonly ReferralAccess referrals = new(readOnly.Db, user);

    public const int PageSize = 25;

    /// <summary>The states a sent referral can be in, in the order a manager works through them.</summary>
    public static readonly ReferralState[] Filters =
        [ReferralState.Submitted, ReferralState.Screening, ReferralState.AwaitingInformation, ReferralState.Accepted, ReferralState.Declined, ReferralState.Withdrawn];

    public ServiceInView Service { get; private set; } = null!;
    public ReferralState? State { get; private set; }

    /// <summary>Only the accepted referrals whose strands are not yet allocated (<c>?state=awaiting-allocation</c>).</summary>
    public bool AwaitingAllocation { get; private set; }
    public IReadOnlyDictionary<ReferralState, int> Counts { get; private set; } = new Dictionary<ReferralState, int>();
    public int AwaitingAllocationCount { get; private set; }
    public int Total => Counts.Values.Sum();

    public const string AwaitingAllocationFilter = "awaiting-allocation";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }

    public async Task OnGetAsync(string? state, [FromQuery(Name = "page")] int pageNumber = 1)
    {
        Service = HttpContext.Service();
        AwaitingAllocation = state == AwaitingAllocationFilter;
        State = !AwaitingAllocation && Enum.TryParse<ReferralState>(state, ignoreCase: true, out var parsed) && Filters.Contains(parsed) ? parsed : null;

        var sent = referrals.SentTo(Service.Id).AsNoTracking();
        Counts = await ReferralQueues.CountByStateAsync(sent, HttpContext.RequestAborted);
        AwaitingAllocationCount = await sent.CountAsync(ReferralQueues.AwaitingAllocation, HttpContext.RequestAborted);

        var filtered = AwaitingAllocation ? sent.Where(ReferralQueues.AwaitingAllocation) : State is { } only ? sent.Where(r => r.State == only) : sent;
        var ordered = ReferralQueues.WaitingFirst(filtered, referrersView: false).Select(r => new
        {
            r.Id,
            r.PersonId,
            Person = db.People.Where(p => p.Id == r.PersonId).Select(p => p.Details.GivenName + " " + p.Details.FamilyName).FirstOrDefault(),
            r.ReferringOrganisationId,
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
        var held = await OpenCare.HeldAsync(db, Service.Id, items.Select(r => r.PersonId).Distinct().ToList(), HttpContext.RequestAborted);
        Rows = items.Select(r =>
        {
            var timing = new Referral { State = r.State, SubmittedAt = r.SubmittedAt, DecidedAt = r.DecidedAt, AllocatedAt = r.AllocatedAt };
            var rights = referrals.RightsFor(r.ReferringOrganisationId, Service.OrganisationId, r.State);
            var opens = r.State == ReferralState.Accepted && rights.Has(ReferralRight.Allocate) ? "/Referrals/Allocation"
                : rights.Has(ReferralRight.Screen) ? "/Referrals/Screening"
                : "/Referrals/View";
            var other = OpenCare.Holds(r.State, r.AllocatedAt) ? held.FirstOrDefault(p => p.PersonId == r.PersonId && p.ReferralId != r.Id && p.IsEpisode)
                ?? held.FirstOrDefault(p => p.PersonId == r.PersonId && p.ReferralId != r.Id) : null;
            return new Row(r.Id, r.Person ?? "Not available", r.Referrer ?? "", r.State, r.SubmittedAt, timing.DaysToDecision(now), timing.DaysToAllocation(now), r.DecidedAt is not null, r.AllocatedAt is not null, opens)
            {
                AlsoHeldBy = other,
            };
        }).ToList();

        reads.ShownPeople(items.Select(r => r.PersonId).Distinct(), AuditActions.SearchResult, "referral sift");
    }

    public string? FilterHref(ReferralState? state) => Url.Page("/Services/Sift", new { serviceId = Service.Id, state = state?.ToString() });

    public string? AwaitingAllocationHref => Url.Page("/Services/Sift", new { serviceId = Service.Id, state = AwaitingAllocationFilter });

    /// <summary>This filter's pages: "page" cannot be a route value of a page's link, so it is added to the query here.</summary>
    public string PageHrefTemplate => AwaitingAllocation ? $"{AwaitingAllocationHref}&page={{page}}" : $"{FilterHref(State)}{(State is null ? "?" : "&")}page={{page}}";

    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    public sealed record Row(Guid Id, string Person, string Referrer, ReferralState State, DateTime? SubmittedAt, int? DaysToDecision, int? DaysToAllocation, bool Decided, bool Allocated, string Opens)
    {
        /// <summary>Another referral or an open episode that already holds the person's place with this service, if any.</summary>
        public HeldPlace? AlsoHeldBy { get; init; }
    }
}
