using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.People.Journey;

/// <summary>One milestone: how it is dated and where it stands, marked done (with evidence), not applicable (with a reason), or reopened.</summary>
public sealed class MilestoneModel(JourneyReader journeys, JourneyService journey, TimeProvider time) : PageModel
{
    [BindProperty]
    public MilestoneDoneInput Input { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public MilestoneInView InView => HttpContext.Record<MilestoneInView>();
    public MilestoneRow Row { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Version = Row.Milestone.Version;
        Input.DoneOn = DateParts.From(Today);
    }

    [Requires(CustodyRight.Record)]
    public Task<IActionResult> OnPostDoneAsync() =>
        WriteAsync("Milestone done", () => journey.CompleteAsync(InView.PersonId, InView.Id, Version, Input, HttpContext.RequestAborted), "Input");

    [Requires(CustodyRight.Record)]
    public Task<IActionResult> OnPostNotApplicableAsync() =>
        WriteAsync("Milestone marked not applicable", () => journey.NotApplicableAsync(InView.PersonId, InView.Id, Version, Reason, HttpContext.RequestAborted), "");

    [Requires(CustodyRight.Record)]
    public Task<IActionResult> OnPostReopenAsync() =>
        WriteAsync("Milestone reopened", () => journey.ReopenAsync(InView.PersonId, InView.Id, Version, Reason, HttpContext.RequestAborted), "");

    private async Task<IActionResult> WriteAsync(string flash, Func<Task<WriteResult>> write, string prefix)
    {
        var result = await write();
        if (result is WriteResult.Refused { Field: { Length: > 0 } field } refused && prefix.Length > 0)
        {
            result = refused with { Field = $"{prefix}.{field}" };
        }

        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = _ => RedirectToPage("/People/Journey/Index", new { personId = InView.PersonId }),
            Flash = flash,
            Show = async () =>
            {
                await LoadAsync();
                Version = Row.Milestone.Version;
                return Page();
            },
        });
    }

    private async Task LoadAsync()
    {
        Today = Display.Today(time);
        Row = await journeys.FindAsync(InView.Id, HttpContext.RequestAborted) ?? throw new InvalidOperationException("The milestone the route opened cannot be read.");
    }
}
