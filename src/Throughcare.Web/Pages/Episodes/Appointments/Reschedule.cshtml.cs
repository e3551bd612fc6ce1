using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Web.Pages.Episodes.Appointments;

/// <summary>Move a booked appointment to another time; the audit keeps the time it had and why it moved.</summary>
[Requires(EpisodeRight.Work)]
public sealed class RescheduleModel(ThroughcareDbContext db, AppointmentService appointments) : AppointmentChangeModel(db, appointments), IRescheduleForm
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
