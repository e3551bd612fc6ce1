using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Web.Pages.Episodes.Contacts;

/// <summary>Record a contact, or an attempt at one, on one of the episode's strands.</summary>
[Requires(EpisodeRight.Work)]
public sealed class NewModel(ContactService contacts, ThroughcareDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    /// <summary>The appointment this contact closes, when it was recorded from one.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? AppointmentId { get; set; }

    public EpisodeInView InView { get; private set; } = null!;
    public ContactRules Rules { get; private set; } = null!;

    /// <summary>
    /// Starts at now in the UK, to the minute, on the strand the user works on in this episode, if any: most contacts
    /// are recorded just after they happen, by their own worker.
    /// </summary>
    public async Task<IActionResult> OnGetAsync([FromQuery] Attendance? attendance)
    {
        await LoadAsync();
        SubmissionId = Guid.NewGuid();
        if (AppointmentId is { } appointmentId)
        {
            // Pre-filled from the appointment it closes: its time, length, strand and place, with the attendance chosen.
            var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == appointmentId && a.EpisodeId == InView.Id, HttpContext.RequestAborted);
            if (appointment is null)
            {
                return NotFound();
            }

            Input = new ContactInput
            {
                Date = DateParts.From(Display.LondonDate(appointment.StartsAt)),
                Time = ContactInput.LondonTime(appointment.StartsAt),
                DurationMinutes = appointment.DurationMinutes.ToString(CultureInfo.InvariantCulture),
                Mode = AppointmentLabels.Mode(appointment.Place),
                StrandId = appointment.ServiceStrandId,
                Attendance = attendance is { } chosen && Enum.IsDefined(chosen) ? chosen : null,
            };
            return Page();
        }

        var now = Display.ToLondon(time.GetUtcNow().UtcDateTime);
        var me = user.RequireUserId();
        var own = await db.EpisodeStrands.AsNoTracking()
            .Where(s => s.EpisodeId == InView.Id && s.WorkerUserId == me && s.EndedAt == null)
            .OrderBy(s => s.StartedAt).Select(s => (Guid?)s.ServiceStrandId).FirstOrDefaultAsync(HttpContext.RequestAborted);
        Input = new ContactInput
        {
            Date = DateParts.From(Display.Today(time)),
            Time = now.ToString("HH:mm", CultureInfo.InvariantCulture),
            StrandId = Rules.Strand(own) is null ? null : own,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (SubmissionId == Guid.Empty)
        {
            SubmissionId = Guid.NewGuid();
        }

        if (!Rules.Validate(Input).AddTo(ModelState) || !ModelState.IsValid)
        {
            return Page();
        }

        return await this.AnswerAsync((await contacts.RecordAsync(InView.Id, SubmissionId, Input, HttpContext.RequestAborted, AppointmentId)).ForInput(), new WriteAnswer
        {
            Done = _ => AppointmentId is { } appointmentId
                ? RedirectToPage("/Episodes/Appointments/View", new { episodeId = InView.Id, appointmentId })
                : RedirectToPage("/Episodes/Contacts/Index", new { episodeId = InView.Id }),
            Flash = AppointmentId is null ? "Contact recorded" : "Contact recorded and appointment closed",
            RefusedField = "Input.Date",
        });
    }

    private async Task LoadAsync()
    {
        InView = HttpContext.Record<EpisodeInView>();
        Rules = await contacts.RulesAsync(InView.Id, HttpContext.RequestAborted) ?? throw new InvalidOperationException("The record gate opened an episode that cannot be read.");
    }
}
