using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Appointments;

/// <summary>The episode's appointments: those to come first, soonest first, then the rest, latest first.</summary>
public sealed class IndexModel(ThroughcareDbContext db, ReadAudit reads, TimeProvider time) : PageModel
{
    public EpisodeInView InView { get; private set; } = null!;
    public IReadOnlyList<Appointment> Upcoming { get; private set; } = [];
    public IReadOnlyList<Appointment> Past { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        InView = HttpContext.Record<EpisodeInView>();
        var cancellationToken = HttpContext.RequestAborted;
        Now = time.GetUtcNow().UtcDateTime;
        var all = await db.Appointments.AsNoTracking().Where(a => a.EpisodeId == InView.Id).ToListAsync(cancellationToken);
        Upcoming = all.Where(a => a.StartsAt > Now).OrderBy(a => a.StartsAt).ToList();
        Past = all.Where(a => a.StartsAt <= Now).OrderByDescending(a => a.StartsAt).ToList();
        Names = await AppointmentForm.NamesAsync(db, all, [], cancellationToken);
        reads.Shown(AuditRecordTypes.Episode, InView.Id, InView.PersonId, details: new { path = Request.Path.Value });
        return Page();
    }

    public AppointmentRows UpcomingRows => new(this, Upcoming, "upcoming", "Upcoming appointments, soonest first");

    public AppointmentRows PastRows => new(this, Past, "past", "Past appointments, latest first");

    public string Name(Guid id) => Names.TryGetValue(id, out var name) ? name : "Unknown";
}

/// <summary>One table of the list: upcoming or past.</summary>
public sealed record AppointmentRows(IndexModel Page, IReadOnlyList<Appointment> Rows, string Id, string Caption);
