using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.Pages.Episodes.Appointments;

namespace Throughcare.Web.Pages.People.Appointments;

/// <summary>One appointment outside any episode: when, where, with whom, and what became of it; changing or closing it while booked.</summary>
public sealed class ViewModel(ThroughcareDbContext db, ReadAudit reads, TimeProvider time) : PageModel
{
    public PersonAppointmentInView InView { get; private set; } = null!;
    public Appointment Appointment { get; private set; } = null!;
    public AppointmentSummary Summary { get; private set; } = null!;

    /// <summary>The attendance chosen on the close form, when it was sent without one.</summary>
    public Attendance? Outcome { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        InView = HttpContext.Record<PersonAppointmentInView>();
        var cancellationToken = HttpContext.RequestAborted;
        var now = time.GetUtcNow().UtcDateTime;
        Appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == InView.Id, cancellationToken);
        var series = Appointment.SeriesId is { } seriesId ? await db.AppointmentSeries.AsNoTracking().SingleAsync(s => s.Id == seriesId, cancellationToken) : null;
        var names = await AppointmentForm.NamesAsync(db, [Appointment], [Appointment.BookedByUserId, Appointment.CancelledByUserId ?? Guid.Empty, Appointment.ClosedByUserId ?? Guid.Empty], cancellationToken);
        Summary = new AppointmentSummary(Appointment, series, names, now);
        reads.Shown(AuditRecordTypes.Appointment, Appointment.Id, InView.PersonId);
        return Page();
    }

    public bool MayChange => InView.May(PersonAppointmentRight.Work) && Appointment.State == AppointmentState.Booked;

    public bool MayClose => InView.May(PersonAppointmentRight.Work) && AppointmentDue.AwaitsClosing(Appointment, Summary.Now);
}
