using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.Pages.Episodes.Contacts;

namespace Throughcare.Web.Pages.People.Appointments;

/// <summary>Close an appointment outside an episode whose time has come, with whether the person attended: there is no episode to record a contact on.</summary>
[Requires(PersonAppointmentRight.Work)]
public sealed class CloseModel(ThroughcareDbContext db, PersonAppointmentAccess access, PersonAppointments appointments) : PersonAppointmentChangeModel(db, access, appointments)
{
    [BindProperty]
    public Attendance? Outcome { get; set; }

    public Task OnGetAsync() => OpenAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Outcome is null || !Enum.IsDefined(Outcome.Value))
        {
            ModelState.AddModelError(nameof(Outcome), PersonAppointments.CloseMessage);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await AnswerAsync(await Book.CloseAsync(InView.PersonId, PersonAppointmentId, Version, Outcome, HttpContext.RequestAborted), "Appointment closed", saved =>
        [
            ("State", AppointmentLabels.State(saved.State), AppointmentLabels.State(AppointmentState.Closed)),
            ("Attendance", saved.Outcome is { } outcome ? EpisodeStates.Label(outcome) : null, EpisodeStates.Label(Outcome!.Value)),
        ]);
    }

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Items => ContactForm.AttendanceItems;
}
