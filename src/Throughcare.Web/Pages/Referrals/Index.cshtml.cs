using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Referrals;

public sealed record ReferralRow(Guid Id, Guid PersonId, string? PersonName, string ServiceName, ReferralState State, ReferralCloseReason? CloseReason, DateTime CreatedAt, DateTime? SubmittedAt, DateTime? DecidedAt);

/// <summary>
/// The referrals the user's organisation made, as <see cref="ReferralAccess"/> lets the user list them: drafts to
/// resume, then those it has sent in the order of <see cref="ReferralQueues.WaitingFirst"/>: all of them, those awaiting a decision or those decided
/// recently (<see cref="ReferralQueues"/>). Each person listed is a recorded read.
/// </summary>
public sealed class IndexModel(ReadOnlyDb readOnly, CurrentUser user, ReadAudit reads, TimeProvider time) : PageModel
{
    private readonly ThroughcareDbContext db = readOnly.Db;
    private readonly ReferralAccess access = new(readOnly.Db, user);

    public const int PageSize = 25;

    public const string AwaitingDecision = "awaiting-decision";
    public const string DecidedRecently = "decided";

    /// <summary>The sent referrals shown: all, those awaiting a decision, or those decided recently.</summary>
    public string? Show { get; private set; }

    public IReadOnlyList<ReferralRow> Drafts { get; private set; } = [];
    public IReadOnlyList<ReferralRow> Sent { get; private set; } = [];
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }

    public async Task OnGetAsync(string? show, [FromQuery(Name = "page")] int? pageNumber)
    {
        Show = show is AwaitingDecision or DecidedRecently ? show : null;
        var made = access.Made.AsNoTracking();
        var sent = Show switch
        {
            AwaitingDecision => made.Where(ReferralQueues.AwaitingDecision),
            DecidedRecently => made.Where(ReferralQueues.DecidedRecently(time)),
            _ => made.Where(r => r.State != ReferralState.Draft),
        };
        Drafts = await Rows(made.Where(r => r.State == ReferralState.Draft).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)).Take(100).ToListAsync(HttpContext.RequestAborted);
        (Sent, CurrentPage, TotalPages) = await Paging.PageAsync(
            Rows(ReferralQueues.WaitingFirst(sent, referrersView: true)), pageNumber ?? 1, PageSize, HttpContext.RequestAborted);
        reads.ShownPeople(Drafts.Concat(Sent).Select(r => r.PersonId).Distinct(), AuditActions.SearchResult, "referrals made");
    }

    public string PageHrefTemplate => $"{Url.Page("/Referrals/Index", new { show = Show })}{(Show is null ? "?" : "&")}page={{page}}";

    private IQueryable<ReferralRow> Rows(IQueryable<Referral> referrals) => referrals.Select(r => new ReferralRow(
        r.Id,
        r.PersonId,
        db.People.Where(p => p.Id == r.PersonId).Select(p => p.Details.GivenName + " " + p.Details.FamilyName).FirstOrDefault(),
        r.Service!.Name,
        r.State,
        r.CloseReason,
        r.CreatedAt,
        r.SubmittedAt,
        r.DecidedAt));
}
