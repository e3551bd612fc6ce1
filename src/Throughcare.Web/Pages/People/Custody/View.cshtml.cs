using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.People.Custody;

/// <summary>One period in custody: the sentence and its key dates (each with its history), the prisons it passed through, and the release.</summary>
public sealed class ViewModel(ThroughcareDbContext db, CustodyService custody) : PageModel
{
    public CustodyPeriodInView InView => HttpContext.Record<CustodyPeriodInView>();
    public CustodyPeriod Period { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The recall that followed this period's release, if one did.</summary>
    public Guid? RecallId { get; private set; }

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Period = await custody.FindAsync(InView.Id, cancellationToken) ?? throw new InvalidOperationException("The custody period the route opened cannot be read.");
        var ids = Period.Moves.SelectMany(m => new[] { m.FromPrisonId, m.ToPrisonId, m.RecordedByUserId })
            .Concat(Period.KeyDateChanges.Select(c => c.ChangedByUserId)).Append(Period.ReceptionPrisonId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, Name = u.DisplayName }).ToListAsync(cancellationToken);
        Names = organisations.Select(o => (o.Id, o.Name)).Concat(users.Select(u => (u.Id, u.Name))).ToDictionary(x => x.Id, x => x.Name);
        RecallId = await db.CustodyPeriods.AsNoTracking().Where(p => p.RecalledFromPeriodId == Period.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public string Name(Guid id) => Names.GetValueOrDefault(id, "Unknown");

    public static string Date(DateOnly? date) => date is { } d ? Display.Date(d) : "Not recorded";
}
