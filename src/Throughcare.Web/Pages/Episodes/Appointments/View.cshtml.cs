using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Appointments;

/// <summary>One appointment: when, where, with whom, its series, and what became of it; changing or closing it while booked.</summary>
public sealed class ViewModel(ThroughcareDbContext db, ReadAudit reads, TimeProvider time) : PageModel
{
    public EpisodeInView InView { get; private set; } = null!;
    public Appointment Appointment { get; private set; } = null!;
    public AppointmentSeries? Series { get; private set; }
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid appointmentId)
    {
        InView = HttpContext.Record<EpisodeInView>();
        var cancellationToken = HttpContext.RequestAborted;
        Now = time.GetUtcNow().UtcDateTime;
        Appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointmentId && a.EpisodeId == InView.Id, cancellationToken);
        Series = Appointment.SeriesId is { } seriesId ? await db.AppointmentSeries.AsNoTracking().SingleAsync(s => s.Id == seriesId, cancellationToken) : null;
        Names = await AppointmentForm.NamesAsync(db, [Appointment], [Appointment.BookedByUserId, Appointment.CancelledByUserId ?? Guid.Empty, Appointment.ClosedByUserId ?? Guid.Empty], cancellationToken);
        reads.Shown(AuditRecordTypes.Appointment, Appointment.Id, InView.PersonId, details: new { episode = InView.Id });
        return Page();
    }

    public bool MayChange => InView.May(EpisodeRight.Work) && Appointment.State == AppointmentState.Booked;

    public bool MayClose => InView.May(EpisodeRight.Work) && AppointmentDue.AwaitsClosing(Appointment, Now);

    public AppointmentSummary Summary => new(Appointment, Series, Names, Now);
}
