using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Pages.Episodes.Appointments;

namespace Throughcare.Web.Pages.People.Appointments;

/// <summary>Cancel a booked appointment outside an episode, saying who called it off and why.</summary>
[Requires(PersonAppointmentRight.Work)]
public sealed class CancelModel(ThroughcareDbContext db, PersonAppointmentAccess access, PersonAppointments appointments) : PersonAppointmentChangeModel(db, access, appointments), ICancelForm
{
    [BindProperty]
    public CancelInput Input { get; set; } = new();

    public Task OnGetAsync() => OpenAsync();

    public Task<IActionResult> OnPostAsync() => CancelAsync(Input);
}
