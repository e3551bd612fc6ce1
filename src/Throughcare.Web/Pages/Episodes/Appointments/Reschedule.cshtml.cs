using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Appointments;

/// <summary>Move a booked appointment to another time; the audit keeps the time it had and why it moved.</summary>
[Requires(EpisodeRight.Work)]
public sealed class RescheduleModel(ThroughcareDbContext db, AppointmentService appointments) : AppointmentChangeModel(db)
{
    [BindProperty]
    public RescheduleInput Input { get; set; } = new();

    [BindProperty]
    public bool BookAnyway { get; set; }

    public ClashWarning? Clashes { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Version = Appointment.Version;
        Input = new RescheduleInput
        {
            Date = DateParts.From(Display.LondonDate(Appointment.StartsAt)),
            Time = ContactInput.LondonTime(Appointment.StartsAt),
            DurationMinutes = Appointment.DurationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var cancellationToken = HttpContext.RequestAborted;
        var rules = await appointments.RulesAsync(InView.Id, cancellationToken) ?? throw new InvalidOperationException("The record gate opened an episode that cannot be read.");
        if (!rules.Validate(Input).AddTo(ModelState) || !ModelState.IsValid)
        {
            return Page();
        }

        if (!BookAnyway && Appointment.State == AppointmentState.Booked && await appointments.ClashesAsync(AppointmentId, Input, cancellationToken) is { Count: > 0 } clashes)
        {
            Clashes = new ClashWarning(clashes, await AppointmentForm.NamesAsync(Db, [], clashes.Select(c => c.UserId ?? Guid.Empty), cancellationToken));
            return Page();
        }

        return await AnswerAsync(await appointments.RescheduleAsync(InView.Id, AppointmentId, Version, Input, BookAnyway, cancellationToken), "Appointment rescheduled", saved =>
        [
            ("Date", Display.Date(Display.LondonDate(saved.StartsAt)), Input.Date.TryGetDate(out var date) ? Display.Date(date) : null),
            ("Time", ContactInput.LondonTime(saved.StartsAt), Input.Time),
            ("Length in minutes", saved.DurationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture), Input.DurationMinutes),
            ("State", AppointmentLabels.State(saved.State), AppointmentLabels.State(AppointmentState.Booked)),
        ]);
    }
}
