using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Appointments;

/// <summary>What the reschedule and cancel forms share: the booked appointment in the route, at the version the user saw.</summary>
public abstract class AppointmentChangeModel(ThroughcareDbContext db) : PageModel
{
    [BindProperty]
    public Guid Version { get; set; }

    [FromRoute]
    public Guid AppointmentId { get; set; }

    public EpisodeInView InView { get; private set; } = null!;

    protected ThroughcareDbContext Db => db;

    public Appointment Appointment { get; private set; } = null!;

    protected async Task LoadAsync()
    {
        InView = HttpContext.Record<EpisodeInView>();
        Appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == AppointmentId && a.EpisodeId == InView.Id, HttpContext.RequestAborted);
    }

    /// <summary>What a stale save shows: the appointment as saved now beside the user's own input.</summary>
    public ConflictView? Conflict { get; private set; }

    /// <summary>
    /// Answers a change: back to the appointment when done; a refusal shows the form again, and a conflict shows it with
    /// the rows of <paramref name="compare"/> (field, saved now, yours) for the appointment as it is now, at its new version.
    /// </summary>
    protected Task<IActionResult> AnswerAsync(WriteResult result, string flash, Func<Appointment, IEnumerable<(string Field, string? Saved, string? Yours)>> compare) =>
        this.AnswerAsync(result.ForInput(), new WriteAnswer
        {
            Done = _ => RedirectToPage("/Episodes/Appointments/View", new { episodeId = InView.Id, appointmentId = AppointmentId }),
            Flash = flash,
            RefusedField = "",
            Conflict = async _ =>
            {
                await LoadAsync();
                Version = Appointment.Version;
                Conflict = ConflictView.Of("The appointment", compare(Appointment));
            },
        });
}
