using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Reviews;

/// <summary>The reviews held and the schedule of review points, with the next one due.</summary>
public sealed class IndexModel(ThroughcareDbContext db, TimeProvider time) : PageModel
{
    public EpisodeInView InView { get; private set; } = null!;
    public IReadOnlyList<EpisodeReview> Reviews { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> StaffNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Each review point up to the planned end, with the review that covered it (in order held), if any.</summary>
    public IReadOnlyList<(DateOnly Due, EpisodeReview? CoveredBy)> Schedule { get; private set; } = [];
    public DateOnly? NextDue { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        InView = HttpContext.Record<EpisodeInView>();
        var cancellationToken = HttpContext.RequestAborted;
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == InView.Id, cancellationToken);
        var interval = await db.Services.Where(s => s.Id == episode.ServiceId).Select(s => s.ReviewIntervalMonths).SingleAsync(cancellationToken);
        Reviews = await db.EpisodeReviews.AsNoTracking().Where(r => r.EpisodeId == InView.Id).OrderBy(r => r.HeldOn).ThenBy(r => r.RecordedAt).ToListAsync(cancellationToken);
        var staffIds = Reviews.Select(r => r.RecordedByUserId).Distinct().ToList();
        StaffNames = await db.Users.Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Today = Display.Today(time);
        NextDue = EpisodeStates.IsOpen(episode.State) ? ReviewSchedule.NextDue(episode.StartedOn, interval, Reviews.Count) : null;

        var points = new List<(DateOnly, EpisodeReview?)>();
        for (var i = 0; ; i++)
        {
            var due = ReviewSchedule.NextDue(episode.StartedOn, interval, i);
            if ((due > episode.PlannedEndOn && i >= Reviews.Count) || i > 200)
            {
                break;
            }

            points.Add((due, i < Reviews.Count ? Reviews[i] : null));
        }

        Schedule = points;
        return Page();
    }

    public string StaffName(Guid id) => StaffNames.TryGetValue(id, out var name) ? name : "Throughcare";
}
