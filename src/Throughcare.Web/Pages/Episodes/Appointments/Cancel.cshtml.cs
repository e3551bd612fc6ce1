using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Appointments;

/// <summary>Cancel a booked appointment, saying who called it off and why.</summary>
[Requires(EpisodeRight.Work)]
public sealed class CancelModel(ThroughcareDbContext db, AppointmentService appointments) : AppointmentChangeModel(db)
{
    [BindProperty]
    public CancelInput Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Version = Appointment.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!AppointmentRules.Validate(Input).AddTo(ModelState) || !ModelState.IsValid)
        {
            return Page();
        }

        return await AnswerAsync(await appointments.CancelAsync(InView.Id, AppointmentId, Version, Input, HttpContext.RequestAborted), "Appointment cancelled", saved =>
        [
            ("Date and time", Display.DateTime(saved.StartsAt), Display.DateTime(saved.StartsAt)),
            ("State", AppointmentLabels.State(saved.State), AppointmentLabels.Cancelled(Input.CancelledBy!.Value)),
        ]);
    }
}
