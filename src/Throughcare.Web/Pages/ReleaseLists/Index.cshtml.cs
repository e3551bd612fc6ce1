using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.ReleaseLists;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Web.Pages.ReleaseLists;

/// <summary>The boroughs whose release lists the user may read, with how many people they may see are due for release to each in the next 12 weeks.</summary>
public sealed class IndexModel(ThroughcareDbContext db, CustodyAccess custody, CurrentUser user, TimeProvider time) : PageModel
{
    public sealed record Row(string Code, string Name, int Due);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = Display.Today(time);
        var until = today.AddDays(7 * ReleaseListReader.DefaultWeeks);
        var due = await custody.Visible().Where(p => p.ReleaseBorough != null && p.ReleasedOn == null && p.ExpectedReleaseOn >= today && p.ExpectedReleaseOn <= until)
            .GroupBy(p => p.ReleaseBorough!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, HttpContext.RequestAborted);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => new { o.Kind, o.Borough }).SingleOrDefaultAsync(HttpContext.RequestAborted);
        Rows = Boroughs.All.Where(b => ReleaseListReader.MayRead(organisation?.Kind, organisation?.Borough, b.Code))
            .Select(b => new Row(b.Code, b.Label, due.GetValueOrDefault(b.Code))).ToList();
    }
}
