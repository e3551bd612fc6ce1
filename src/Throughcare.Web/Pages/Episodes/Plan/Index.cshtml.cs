using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Plan;

/// <summary>The person's plan: needs across the pathways and how they changed, their three hardest things, goals and actions.</summary>
public sealed class IndexModel(ThroughcareDbContext db, PathwayCatalogue pathways, TimeProvider time) : PageModel
{
    public EpisodeInView InView { get; private set; } = null!;
    public Episode Episode { get; private set; } = null!;
    public IReadOnlyList<NeedsAssessment> Assessments { get; private set; } = [];
    public IReadOnlyList<Goal> Goals { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        InView = HttpContext.Record<EpisodeInView>();
        var cancellationToken = HttpContext.RequestAborted;
        Episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == InView.Id, cancellationToken);
        Assessments = await db.NeedsAssessments.AsNoTracking().Include(a => a.Ratings).Where(a => a.EpisodeId == InView.Id)
            .OrderBy(a => a.AssessedOn).ThenBy(a => a.RecordedAt).ToListAsync(cancellationToken);
        Goals = await db.Goals.AsNoTracking().Include(g => g.Actions).Where(g => g.EpisodeId == InView.Id).OrderBy(g => g.CreatedAt).ToListAsync(cancellationToken);
        Today = Display.Today(time);
        var list = await pathways.GetAsync(cancellationToken);
        var rated = Assessments.SelectMany(a => a.Ratings).Select(r => r.Pathway).ToHashSet(StringComparer.Ordinal);
        Pathways = [.. list.All.Where(p => !p.Retired || rated.Contains(p.Code))];
        PathwayLabels = list;
        return Page();
    }

    public static NeedLevel? LevelIn(NeedsAssessment assessment, string pathway) => assessment.Ratings.SingleOrDefault(r => r.Pathway == pathway)?.Level;

    /// <summary>The change on one pathway from the first assessment to the latest, in words; empty with fewer than two.</summary>
    public string ChangeOn(string pathway)
    {
        if (Assessments.Count < 2 || LevelIn(Assessments[0], pathway) is not { } first || LevelIn(Assessments[^1], pathway) is not { } latest)
        {
            return "";
        }

        return PlanService.Change(first, latest).Words;
    }

    /// <summary>The rows of the needs table: the pathways in use, and any retired one these assessments rated.</summary>
    public IReadOnlyList<Pathway> Pathways { get; private set; } = [];

    public PathwayList PathwayLabels { get; private set; } = PathwayList.Empty;
}
