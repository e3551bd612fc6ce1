using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Web.Pages.Episodes.Appointments;

/// <summary>Cancel a booked appointment, saying who called it off and why.</summary>
[Requires(EpisodeRight.Work)]
public sealed class CancelModel(ThroughcareDbContext db, AppointmentService appointments) : AppointmentChangeModel(db, appointments), ICancelForm
{
    [BindProperty]
    public CancelInput Input { get; set; } = new();

    public Task OnGetAsync() => OpenAsync();

    public Task<IActionResult> OnPostAsync() => CancelAsync(Input);
}
