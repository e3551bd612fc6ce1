using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Pages.Episodes.Appointments;

namespace Throughcare.Web.Pages.People.Appointments;

/// <summary>Move a booked appointment outside an episode to another time; the audit keeps the time it had and why it moved.</summary>
[Requires(PersonAppointmentRight.Work)]
public sealed class RescheduleModel(ThroughcareDbContext db, PersonAppointmentAccess access, PersonAppointments appointments) : PersonAppointmentChangeModel(db, access, appointments), IRescheduleForm
{
    [BindProperty]
    public RescheduleInput Input { get; set; } = new();

    [BindProperty]
    public bool BookAnyway { get; set; }

    public ClashWarning? Clashes { get; private set; }

    public async Task OnGetAsync()
    {
        await OpenAsync();
        Input = AppointmentForm.RescheduleFrom(Appointment);
    }

    public Task<IActionResult> OnPostAsync() => RescheduleAsync(Input, BookAnyway, clashes => Clashes = clashes);
}
