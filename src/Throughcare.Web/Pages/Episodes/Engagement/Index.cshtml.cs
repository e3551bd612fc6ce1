using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Engagement;

/// <summary>
/// Engagement and closure: the at-risk signal, the state, reflective reviews, re-engagement attempts against the
/// service's minimum, and where a closure stands, with the actions the viewer may take now.
/// </summary>
public sealed class IndexModel(ThroughcareDbContext db, EngagementService engagement, TimeProvider time) : PageModel
{
    public EpisodeInView InView { get; private set; } = null!;
    public Episode Episode { get; private set; } = null!;
    public Service Service { get; private set; } = null!;
    public EngagementSignal? Signal { get; private set; }
    public IReadOnlyList<ReflectiveReview> Reviews { get; private set; } = [];
    public DisengagementReadiness Readiness { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> StaffNames { get; private set; } = new Dictionary<Guid, string>();

    public bool MayDisengage => InView.May(EpisodeRight.Work) && Episode.State is EpisodeState.Engaging or EpisodeState.Active;

    public bool MayReflect => InView.May(EpisodeRight.Work) && Episode.State is EpisodeState.Disengaged or EpisodeState.Closing;

    public bool MayReengage => InView.May(EpisodeRight.Work) && Episode.State == EpisodeState.Disengaged;

    public bool MayPropose => InView.May(EpisodeRight.Work) && Episode.State is EpisodeState.Engaging or EpisodeState.Active or EpisodeState.Disengaged;

    public bool MaySignOff => InView.May(EpisodeRight.Manage) && Episode.State == EpisodeState.Closing;

    public async Task<IActionResult> OnGetAsync()
    {
        InView = HttpContext.Record<EpisodeInView>();
        var cancellationToken = HttpContext.RequestAborted;
        Episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == InView.Id, cancellationToken);
        Service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == Episode.ServiceId, cancellationToken);
        if (EpisodeStates.IsOpen(Episode.State))
        {
            var contacts = await db.Contacts.AsNoTracking().Where(c => c.EpisodeId == Episode.Id).Select(c => new { c.OccurredAt, c.Attendance }).ToListAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            Signal = EngagementRules.Assess(Episode.State, Episode.StartedOn, contacts.Select(c => (c.OccurredAt, c.Attendance)), await db.Appointments.OverdueAsync(Episode.Id, now, cancellationToken), now, Service);
        }

        Reviews = await db.ReflectiveReviews.AsNoTracking().Where(r => r.EpisodeId == Episode.Id).OrderByDescending(r => r.RecordedAt).ToListAsync(cancellationToken);
        var state = Episode.State == EpisodeState.Closing ? await engagement.StateBeforeClosingAsync(Episode.Id, cancellationToken) : Episode.State;
        Readiness = await engagement.ReadinessAsync(Episode.Id, state, Service.MinimumReengagementAttempts, cancellationToken);
        var staffIds = Reviews.Select(r => (Guid?)r.RecordedByUserId).Append(Episode.ClosureProposedByUserId).Append(Episode.ClosureSignedOffByUserId).OfType<Guid>().Distinct().ToList();
        StaffNames = await db.Users.Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        return Page();
    }

    public string StaffName(Guid? id) => id is { } known && StaffNames.TryGetValue(known, out var name) ? name : "Throughcare";
}
