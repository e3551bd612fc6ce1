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

    /// <summary>Answers a change: back to the appointment when done; a refusal or a conflict shows the form again.</summary>
    protected Task<IActionResult> AnswerAsync(WriteResult result, string flash) =>
        this.AnswerAsync(result.ForInput(), new WriteAnswer
        {
            Done = _ => RedirectToPage("/Episodes/Appointments/View", new { episodeId = InView.Id, appointmentId = AppointmentId }),
            Flash = flash,
            RefusedField = "",
        });
}
