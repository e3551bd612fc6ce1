using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes;

/// <summary>
/// The episode's overview. The service team sees its strands, dates, what is due and its history; the referring
/// organisation sees only the state and, once closed, the closure summary.
/// </summary>
[Requires(EpisodeRight.SeeOverview)]
public sealed class IndexModel(ThroughcareDbContext db, TimeProvider time) : PageModel
{
    public const int StateChangesPageSize = 20;

    public EpisodeInView InView { get; private set; } = null!;
    public Episode Episode { get; private set; } = null!;
    public Service Service { get; private set; } = null!;
    public IReadOnlyList<EpisodeTransition> Transitions { get; private set; } = [];
    public IReadOnlyList<EpisodeExtension> Extensions { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> StaffNames { get; private set; } = new Dictionary<Guid, string>();
    public DateOnly? NextReviewDue { get; private set; }
    public EngagementSignal? Signal { get; private set; }
    public DateTime? LastContactAt { get; private set; }
    public int OverdueActions { get; private set; }
    public DateOnly Today { get; private set; }
    public int CurrentPage { get; private set; } = 1;
    public int TotalPages { get; private set; } = 1;

    /// <summary>For the referring organisation, who sees no strands: the workers and how to reach them.</summary>
    public IReadOnlyList<WorkerContact> Workers { get; private set; } = [];

    // Not "page": Razor Pages keeps the page's own path in the route value of that name.
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1)
    {
        InView = HttpContext.Record<EpisodeInView>();
        var cancellationToken = HttpContext.RequestAborted;
        Episode = await db.Episodes.AsNoTracking().Include(e => e.Strands).SingleAsync(e => e.Id == InView.Id, cancellationToken);
        Service = await db.Services.AsNoTracking().Include(s => s.Strands).SingleAsync(s => s.Id == Episode.ServiceId, cancellationToken);
        Today = Display.Today(time);
        if (InView.May(EpisodeRight.See))
        {
            (Transitions, CurrentPage, TotalPages) = await Paging.PageAsync(
                db.EpisodeTransitions.AsNoTracking().Where(t => t.EpisodeId == Episode.Id).OrderByDescending(t => t.At), pageNumber, StateChangesPageSize, cancellationToken);
            Extensions = await db.EpisodeExtensions.AsNoTracking().Where(x => x.EpisodeId == Episode.Id).OrderBy(x => x.At).ToListAsync(cancellationToken);
            var reviewsHeld = await db.EpisodeReviews.CountAsync(r => r.EpisodeId == Episode.Id, cancellationToken);
            NextReviewDue = EpisodeStates.IsOpen(Episode.State) ? ReviewSchedule.NextDue(Episode.StartedOn, Service.ReviewIntervalMonths, reviewsHeld) : null;
            var contacts = await db.Contacts.AsNoTracking().Where(c => c.EpisodeId == Episode.Id).Select(c => new { c.OccurredAt, c.Attendance }).ToListAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            LastContactAt = contacts.Where(c => c.OccurredAt <= now).Select(c => (DateTime?)c.OccurredAt).Max();
            Signal = EpisodeStates.IsOpen(Episode.State)
                ? EngagementRules.Assess(Episode.State, Episode.StartedOn, contacts.Select(c => (c.OccurredAt, c.Attendance)), await db.Appointments.OverdueAsync(Episode.Id, now, cancellationToken), now, Service)
                : null;
            OverdueActions = (await db.GoalActions.AsNoTracking().Where(a => a.EpisodeId == Episode.Id && a.DueOn != null).ToListAsync(cancellationToken)).Count(a => a.IsOverdue(Today));
            var staffIds = Episode.Strands.Select(s => s.WorkerUserId).Concat(Transitions.Select(t => t.ByUserId).OfType<Guid>())
                .Concat(Extensions.Select(x => x.ByUserId)).Distinct().ToList();
            StaffNames = await db.Users.Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        }
        else
        {
            Workers = (await EpisodeTeam.ContactsAsync(db, [InView], cancellationToken))[InView.Id].ToList();
        }

        return Page();
    }

    public string StrandName(Guid serviceStrandId) => Service.Strands.SingleOrDefault(s => s.Id == serviceStrandId)?.Name ?? "Strand";

    public string StaffName(Guid? id) => id is { } known && StaffNames.TryGetValue(known, out var name) ? name : "Throughcare";
}
