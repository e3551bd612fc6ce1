using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.People.Journey;

/// <summary>The person's journey: each custody period's milestones in order, with when each is due and where it stands today.</summary>
[AuditReadAs(Core.Domain.Audit.AuditActions.View, Purpose = "journey")]
public sealed class IndexModel(JourneyReader journeys, TimeProvider time) : PageModel
{
    public PersonInView InView { get; private set; } = null!;
    public IReadOnlyList<(CustodyPeriod Period, IReadOnlyList<MilestoneRow> Milestones)> Periods { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        InView = HttpContext.Record<PersonInView>();
        Today = Display.Today(time);
        Periods = await journeys.ForPersonAsync(InView.Id, HttpContext.RequestAborted);
    }
}
