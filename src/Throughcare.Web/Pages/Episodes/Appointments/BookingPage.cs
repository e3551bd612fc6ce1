using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Appointments;

/// <summary>
/// The booking form, on an episode or outside one: it opens with the user as the worker for an hour, warns of clashes
/// until the user books anyway, and books once per submission through the record's <see cref="IAppointmentBook"/>.
/// </summary>
public abstract class BookingPageModel(IAppointmentBook book, ThroughcareDbContext db, CurrentUser user) : PageModel, IBookingForm
{
    [BindProperty]
    public AppointmentInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    /// <summary>Set once the user has seen the clashes and books anyway.</summary>
    [BindProperty]
    public bool BookAnyway { get; set; }

    public AppointmentRules Rules { get; private set; } = null!;

    protected ThroughcareDbContext Db => db;
    public ClashWarning? Clashes { get; private set; }

    /// <summary>The record the appointment is booked on, as the book is keyed: the episode, or the person.</summary>
    protected abstract Guid OwnerId { get; }

    /// <summary>The strand the form starts on, if the user's own one is clear.</summary>
    protected abstract Task<Guid?> DefaultStrandAsync(Guid userId);

    /// <summary>Where a booking leads: the appointment, or the list when a series was booked.</summary>
    protected abstract IActionResult Booked(Guid firstId, int count);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        SubmissionId = Guid.NewGuid();
        var me = user.RequireUserId();
        var strand = await DefaultStrandAsync(me);
        Input = new AppointmentInput
        {
            DurationMinutes = "60",
            StrandId = Rules.Strands.Any(s => s.Id == strand) ? strand : null,
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
        if (!BookAnyway && !await book.IsBookedAsync(OwnerId, SubmissionId, cancellationToken)
            && await AppointmentForm.ClashWarningAsync(db, Input, cancellationToken) is { } clashes)
        {
            Clashes = clashes;
            return Page();
        }

        var count = Input.Dates()!.Count;
        return await this.AnswerAsync((await book.BookAsync(OwnerId, SubmissionId, Input, BookAnyway, cancellationToken)).ForInput(), new WriteAnswer
        {
            Done = id => Booked(id, count),
            Flash = count == 1 ? "Appointment booked" : $"{count} appointments booked",
            RefusedField = "Input.Date",
        });
    }

    private async Task LoadAsync() =>
        Rules = await book.RulesAsync(OwnerId, HttpContext.RequestAborted) ?? throw new InvalidOperationException("The record gate opened a record that cannot be read.");
}
