using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Web.Pages.Milestones;

/// <summary>
/// The milestones overdue and due this week across the people the organisation may see, the most overdue first: for an
/// organisation, narrowed to those it owns, and to a borough. Every person listed is audited as shown.
/// </summary>
public sealed class IndexModel(ThroughcareDbContext db, MilestoneAccess milestones, JourneyReader journeys, ReadAudit reads, CurrentUser user, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(MilestoneRow Milestone, string PersonName, string? Borough);

    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Borough { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }
    public DateOnly Today { get; private set; }

    // "page" is also the route value Razor Pages keeps the page's path in: it is read from the query alone.
    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var cancellationToken = HttpContext.RequestAborted;
        Today = Display.Today(time);
        var query = milestones.Visible().Where(Show == "overdue" ? MilestoneStatus.Overdue(Today) : Show == "week" ? MilestoneStatus.DueThisWeek(Today)
            : MilestoneStatus.Overdue(Today.AddDays(MilestoneStatus.WeekDays)));
        if (Owner == "ours")
        {
            var kind = user.OrganisationId is { } organisationId
                ? (await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => (OrganisationKind?)o.Kind).SingleOrDefaultAsync(cancellationToken))?.ToString()
                : null;
            query = query.Where(m => db.MilestoneDefinitions.Any(d => d.Id == m.DefinitionId
                && ((d.OwnerKind == MilestoneOwnerKind.OrganisationKind && d.Owner == kind) || d.OwnerKind == MilestoneOwnerKind.AllocatedWorker)));
        }

        if (!string.IsNullOrEmpty(Borough) && Boroughs.All.Find(Borough) is not null)
        {
            query = query.Where(m => db.CustodyPeriods.Any(p => p.Id == m.CustodyPeriodId && p.ReleaseBorough == Borough));
        }
        else
        {
            Borough = null;
        }

        IReadOnlyList<Milestone> found;
        (found, CurrentPage, TotalPages) = await Paging.PageAsync(query.OrderBy(m => m.DueOn).ThenBy(m => m.PersonId), page, PageSize, cancellationToken);
        var ids = found.Select(m => m.Id).ToList();
        var rows = (await journeys.RowsAsync(db.Milestones.Where(m => ids.Contains(m.Id)), cancellationToken)).ToDictionary(r => r.Milestone.Id);
        var people = found.Select(m => m.PersonId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => people.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Details.GivenName + " " + p.Details.FamilyName, cancellationToken);
        var periods = found.Select(m => m.CustodyPeriodId).Distinct().ToList();
        var boroughs = await db.CustodyPeriods.AsNoTracking().Where(p => periods.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.ReleaseBorough, cancellationToken);
        Rows = found.Select(m => new Row(rows[m.Id], names.GetValueOrDefault(m.PersonId, "Unknown"), boroughs.GetValueOrDefault(m.CustodyPeriodId))).ToList();
        reads.ShownPeople(people, AuditActions.SearchResult, "milestones");
    }

    public string PageHref(int page) => Url.Page("/Milestones/Index", new { show = Show, owner = Owner, borough = Borough, page }) ?? "/milestones";
}
