using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.People.Custody;

/// <summary>The person's periods in custody, the latest first, each with its prison, sentence and release.</summary>
public sealed class IndexModel(ThroughcareDbContext db, CustodyAccess access) : PageModel
{
    public PersonInView InView { get; private set; } = null!;
    public IReadOnlyList<CustodyPeriod> Periods { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Prisons { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync()
    {
        InView = HttpContext.Record<PersonInView>();
        Periods = await access.Visible().AsNoTracking().Include(p => p.Moves).Where(p => p.PersonId == InView.Id)
            .OrderByDescending(p => p.ReceptionOn).ThenByDescending(p => p.CreatedAt).ToListAsync(HttpContext.RequestAborted);
        var ids = Periods.SelectMany(p => p.Moves.Select(m => m.ToPrisonId).Append(p.ReceptionPrisonId)).Distinct().ToList();
        Prisons = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, HttpContext.RequestAborted);
    }

    public string Prison(Guid id) => Prisons.GetValueOrDefault(id, "Unknown prison");
}
