using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Appointments;

/// <summary>Book an appointment, or a weekly or fortnightly series of them, on one of the episode's strands.</summary>
[Requires(EpisodeRight.Work)]
public sealed class NewModel(AppointmentService appointments, ThroughcareDbContext db, CurrentUser user) : PageModel
{
    [BindProperty]
    public AppointmentInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    /// <summary>Set once the user has seen the clashes and books anyway.</summary>
    [BindProperty]
    public bool BookAnyway { get; set; }

    public EpisodeInView InView { get; private set; } = null!;
    public AppointmentRules Rules { get; private set; } = null!;
    public ClashWarning? Clashes { get; private set; }

    /// <summary>Starts with the user as the worker, on the strand they hold in this episode, for an hour.</summary>
    public async Task OnGetAsync()
    {
        await LoadAsync();
        SubmissionId = Guid.NewGuid();
        var me = user.RequireUserId();
        var own = await db.EpisodeStrands.AsNoTracking()
            .Where(s => s.EpisodeId == InView.Id && s.WorkerUserId == me && s.EndedAt == null)
            .OrderBy(s => s.StartedAt).Select(s => (Guid?)s.ServiceStrandId).FirstOrDefaultAsync(HttpContext.RequestAborted);
        Input = new AppointmentInput
        {
            DurationMinutes = "60",
            StrandId = Rules.Strands.Any(s => s.Id == own) ? own : null,
            WorkerUserId = Rules.IsWorker(me) ? me : null,
        };
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

        var cancellationToken = HttpContext.RequestAborted;
        if (!BookAnyway && !await appointments.IsBookedAsync(InView.Id, SubmissionId, cancellationToken)
            && await appointments.ClashesAsync(Input, cancellationToken) is { Count: > 0 } clashes)
        {
            Clashes = new ClashWarning(clashes, await AppointmentForm.NamesAsync(db, [], clashes.Select(c => c.UserId ?? Guid.Empty), cancellationToken));
            return Page();
        }

        var count = Input.Dates()!.Count;
        return await this.AnswerAsync((await appointments.BookAsync(InView.Id, SubmissionId, Input, BookAnyway, cancellationToken)).ForInput(), new WriteAnswer
        {
            Done = id => count == 1
                ? RedirectToPage("/Episodes/Appointments/View", new { episodeId = InView.Id, appointmentId = id })
                : RedirectToPage("/Episodes/Appointments/Index", new { episodeId = InView.Id }),
            Flash = count == 1 ? "Appointment booked" : $"{count} appointments booked",
            RefusedField = "Input.Date",
        });
    }

    private async Task LoadAsync()
    {
        InView = HttpContext.Record<EpisodeInView>();
        Rules = await appointments.RulesAsync(InView.Id, HttpContext.RequestAborted) ?? throw new InvalidOperationException("The record gate opened an episode that cannot be read.");
    }
}
