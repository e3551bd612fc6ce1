using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Appointments;

/// <summary>Book an appointment, or a weekly or fortnightly series of them, on one of the episode's strands.</summary>
[Requires(EpisodeRight.Work)]
public sealed class NewModel(AppointmentService appointments, ThroughcareDbContext db, CurrentUser user) : BookingPageModel(appointments, db, user)
{
    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    protected override Guid OwnerId => InView.Id;

    /// <summary>The strand the user holds in this episode.</summary>
    protected override Task<Guid?> DefaultStrandAsync(Guid userId) =>
        Db.EpisodeStrands.AsNoTracking()
            .Where(s => s.EpisodeId == InView.Id && s.WorkerUserId == userId && s.EndedAt == null)
            .OrderBy(s => s.StartedAt).Select(s => (Guid?)s.ServiceStrandId).FirstOrDefaultAsync(HttpContext.RequestAborted);

    protected override IActionResult Booked(Guid firstId, int count) => count == 1
        ? RedirectToPage("/Episodes/Appointments/View", new { episodeId = InView.Id, appointmentId = firstId })
        : RedirectToPage("/Episodes/Appointments/Index", new { episodeId = InView.Id });
}
