using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.Pages.Episodes.Appointments;

namespace Throughcare.Web.Pages.People.Appointments;

/// <summary>
/// Every appointment with the person that the user may see: on the episodes their organisation may read, and those it
/// booked outside any episode; those to come first, soonest first, then the rest, latest first. Booking outside an
/// episode starts here.
/// </summary>
public sealed class IndexModel(ThroughcareDbContext db, EpisodeAccess episodes, PersonAppointmentAccess outside, ReadAudit reads, TimeProvider time) : PageModel
{
    public PersonInView InView { get; private set; } = null!;
    public IReadOnlyList<Appointment> Upcoming { get; private set; } = [];
    public IReadOnlyList<Appointment> Past { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<Guid, string> Services { get; private set; } = new Dictionary<Guid, string>();
    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        InView = HttpContext.Record<PersonInView>();
        var cancellationToken = HttpContext.RequestAborted;
        Now = time.GetUtcNow().UtcDateTime;
        var (all, seen) = await PersonAppointmentList.ForPersonAsync(db, episodes, outside, InView.Id, cancellationToken);
        Upcoming = all.Where(a => a.StartsAt > Now).OrderBy(a => a.StartsAt).ToList();
        Past = all.Where(a => a.StartsAt <= Now).OrderByDescending(a => a.StartsAt).ToList();
        Names = await AppointmentForm.NamesAsync(db, all, [], cancellationToken);
        Services = seen.ToDictionary(e => e.Id, e => e.ServiceName);
        reads.Shown(AuditRecordTypes.Person, InView.Id, InView.Id, details: new { path = Request.Path.Value });
        return Page();
    }

    public string Name(Guid id) => Names.TryGetValue(id, out var name) ? name : "Unknown";

    /// <summary>Where the appointment belongs: its episode's service, or "Outside an episode".</summary>
    public string Belongs(Appointment a) => a.EpisodeId is { } episodeId ? Services.GetValueOrDefault(episodeId, "An episode") : "Outside an episode";
}
