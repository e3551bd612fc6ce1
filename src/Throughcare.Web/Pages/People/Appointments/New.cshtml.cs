using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.Pages.Episodes.Appointments;

namespace Throughcare.Web.Pages.People.Appointments;

/// <summary>Book an appointment, or a weekly or fortnightly series, with the person outside any episode, on a strand of the user's organisation.</summary>
[Requires(PersonRight.BookAppointments)]
public sealed class NewModel(PersonAppointments appointments, ThroughcareDbContext db, CurrentUser user) : BookingPageModel(appointments, db, user)
{
    public PersonInView InView => HttpContext.Record<PersonInView>();

    protected override Guid OwnerId => InView.Id;

    /// <summary>The organisation's only strand, when it has one.</summary>
    protected override Task<Guid?> DefaultStrandAsync(Guid userId) => Task.FromResult(Rules.Strands.Count == 1 ? Rules.Strands[0].Id : (Guid?)null);

    protected override IActionResult Booked(Guid firstId, int count) => count == 1
        ? RedirectToPage("/People/Appointments/View", new { personId = InView.Id, personAppointmentId = firstId })
        : RedirectToPage("/People/Appointments/Index", new { personId = InView.Id });
}
