using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Measures;

/// <summary>The episode's outcome measures: each instrument's results and the change from the first to the latest.</summary>
public sealed class IndexModel(ThroughcareDbContext db) : PageModel
{
    public sealed record InstrumentResults(string Code, string Name, IReadOnlyList<MeasureResult> Results, string? Change);

    public EpisodeInView InView { get; private set; } = null!;
    public IReadOnlyList<InstrumentResults> Instruments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        InView = HttpContext.Record<EpisodeInView>();
        var cancellationToken = HttpContext.RequestAborted;
        var results = await db.MeasureResults.AsNoTracking().Where(m => m.EpisodeId == InView.Id).ToListAsync(cancellationToken);
        var instrumentIds = results.Select(r => r.InstrumentId).Distinct().ToList();
        var instruments = await db.Instruments.AsNoTracking().Where(i => instrumentIds.Contains(i.Id)).ToListAsync(cancellationToken);
        Instruments = [.. instruments.OrderBy(i => i.Name, StringComparer.Ordinal).Select(instrument =>
        {
            var taken = results.Where(r => r.InstrumentId == instrument.Id).OrderBy(r => r.TakenOn).ThenBy(r => r.RecordedAt).ToList();
            var definition = InstrumentDefinition.Parse(instrument.Definition).Definition;
            var change = taken.Count > 1 && definition is not null ? definition.DescribeChange(taken[0].Score, taken[^1].Score) : null;
            return new InstrumentResults(instrument.Code, instrument.Name, taken, change);
        })];

        return Page();
    }
}
