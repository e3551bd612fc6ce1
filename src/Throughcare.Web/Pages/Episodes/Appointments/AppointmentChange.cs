using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Appointments;

/// <summary>
/// What every form that changes a booked appointment shares, on an episode or outside one: the appointment in the route,
/// read within its record, at the version the user saw, and the answer to the change.
/// </summary>
public abstract class AppointmentChangeBase<TBook>(ThroughcareDbContext db, TBook book) : PageModel, IAppointmentVersion
    where TBook : IAppointmentBook
{
    [BindProperty]
    public Guid Version { get; set; }

    protected ThroughcareDbContext Db => db;

    /// <summary>Where the appointment is booked and changed.</summary>
    protected TBook Book => book;

    public Appointment Appointment { get; private set; } = null!;

    /// <summary>What a stale save shows: the appointment as saved now beside the user's own input.</summary>
    public ConflictView? Conflict { get; private set; }

    /// <summary>The appointment the route names.</summary>
    protected abstract Guid RouteAppointmentId { get; }

    /// <summary>The record the appointment is booked on, as its book is keyed: the episode, or the person.</summary>
    protected abstract Guid OwnerId { get; }

    /// <summary>Opens a form at the appointment's current version.</summary>
    protected async Task OpenAsync()
    {
        await LoadAsync();
        Version = Appointment.Version;
    }

    /// <summary>Moves the appointment, once the user has seen any clashes; <paramref name="warn"/> shows them.</summary>
    protected async Task<IActionResult> RescheduleAsync(RescheduleInput input, bool bookAnyway, Action<ClashWarning> warn)
    {
        await LoadAsync();
        var cancellationToken = HttpContext.RequestAborted;
        var rules = await book.RulesAsync(OwnerId, cancellationToken) ?? throw new InvalidOperationException("The record gate opened a record that cannot be read.");
        if (!rules.Validate(input).AddTo(ModelState) || !ModelState.IsValid)
        {
            return Page();
        }

        if (!bookAnyway && Appointment.State == AppointmentState.Booked && await AppointmentForm.ClashWarningAsync(db, RouteAppointmentId, input, cancellationToken) is { } clashes)
        {
            warn(clashes);
            return Page();
        }

        return await AnswerAsync(await book.RescheduleAsync(OwnerId, RouteAppointmentId, Version, input, bookAnyway, cancellationToken), "Appointment rescheduled",
            saved => AppointmentForm.Compare(saved, input));
    }

    /// <summary>Cancels the appointment, saying who called it off and why.</summary>
    protected async Task<IActionResult> CancelAsync(CancelInput input)
    {
        await LoadAsync();
        if (!AppointmentRules.Validate(input).AddTo(ModelState) || !ModelState.IsValid)
        {
            return Page();
        }

        return await AnswerAsync(await book.CancelAsync(OwnerId, RouteAppointmentId, Version, input, HttpContext.RequestAborted), "Appointment cancelled",
            saved => AppointmentForm.Compare(saved, input));
    }

    /// <summary>The appointments of the record the route opened (its episode, or its person outside any episode).</summary>
    protected abstract IQueryable<Appointment> OfRecord();

    /// <summary>Back to the appointment's own page.</summary>
    protected abstract IActionResult ToAppointment();

    protected async Task LoadAsync() =>
        Appointment = await OfRecord().AsNoTracking().SingleAsync(a => a.Id == RouteAppointmentId, HttpContext.RequestAborted);

    /// <summary>
    /// Answers a change: back to the appointment when done; a refusal shows the form again, and a conflict shows it with
    /// the rows of <paramref name="compare"/> (field, saved now, yours) for the appointment as it is now, at its new version.
    /// </summary>
    protected Task<IActionResult> AnswerAsync(WriteResult result, string flash, Func<Appointment, IEnumerable<(string Field, string? Saved, string? Yours)>> compare) =>
        this.AnswerAsync(result.ForInput(), new WriteAnswer
        {
            Done = _ => ToAppointment(),
            Flash = flash,
            RefusedField = "",
            Conflict = async _ =>
            {
                await LoadAsync();
                Version = Appointment.Version;
                Conflict = ConflictView.Of("The appointment", compare(Appointment));
            },
        });
}

/// <summary>The reschedule and cancel forms of an appointment on an episode.</summary>
public abstract class AppointmentChangeModel(ThroughcareDbContext db, AppointmentService appointments) : AppointmentChangeBase<AppointmentService>(db, appointments)
{
    [FromRoute]
    public Guid AppointmentId { get; set; }

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    protected override Guid RouteAppointmentId => AppointmentId;

    protected override Guid OwnerId => InView.Id;

    protected override IQueryable<Appointment> OfRecord() => Db.Appointments.Where(a => a.EpisodeId == InView.Id);

    protected override IActionResult ToAppointment() =>
        RedirectToPage("/Episodes/Appointments/View", new { episodeId = InView.Id, appointmentId = AppointmentId });
}
