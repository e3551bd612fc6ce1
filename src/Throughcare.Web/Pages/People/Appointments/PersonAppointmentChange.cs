using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.Pages.Episodes.Appointments;

namespace Throughcare.Web.Pages.People.Appointments;

/// <summary>The reschedule, cancel and close forms of an appointment outside any episode, opened by <see cref="PersonAppointmentAccess"/>.</summary>
public abstract class PersonAppointmentChangeModel(ThroughcareDbContext db, PersonAppointmentAccess access, PersonAppointments appointments)
    : AppointmentChangeBase<PersonAppointments>(db, appointments)
{
    [FromRoute]
    public Guid PersonAppointmentId { get; set; }

    public PersonAppointmentInView InView => HttpContext.Record<PersonAppointmentInView>();

    protected override Guid RouteAppointmentId => PersonAppointmentId;

    protected override Guid OwnerId => InView.PersonId;

    protected override IQueryable<Appointment> OfRecord() => access.Visible().Where(a => a.PersonId == InView.PersonId);

    protected override IActionResult ToAppointment() =>
        RedirectToPage("/People/Appointments/View", new { personId = InView.PersonId, personAppointmentId = PersonAppointmentId });
}
