using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Access;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Web.Pages.Episodes.Plan;

/// <summary>Updates an action's status or due date; a second editor gets a conflict, never a silent overwrite.</summary>
[Requires(EpisodeRight.Work)]
public sealed class ActionModel(ThroughcareDbContext db, PlanService plan, TimeProvider time) : PageModel
{
    [BindProperty]
    public UpdateInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    [FromRoute]
    public Guid ActionId { get; set; }

    public GoalAction Action { get; private set; } = null!;
    public string GoalDescription { get; private set; } = "";
    public bool Conflict { get; private set; }
    public DateOnly Today { get; private set; }

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    public static IEnumerable<SelectListItem> StatusItems =>
        Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(EpisodeStates.Label(s), s.ToString()));

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(keepInput: false))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(keepInput: true))
        {
            return NotFound();
        }

        var dueRule = NewActionModel.DueRule(Today);
        var validator = new InlineValidator<UpdateInput>
        {
            v => v.RuleFor(x => x.Status).NotNull().WithMessage("Select the status").IsInEnum().WithMessage("Select the status"),
            v => v.RuleFor(x => x.DueOn).Satisfies(_ => dueRule),
        };
        if (!validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var outcome = await plan.UpdateActionAsync(new UpdateAction
        {
            EpisodeId = InView.Id,
            ActionId = ActionId,
            Version = Version,
            Status = Input.Status!.Value,
            DueOn = Input.DueOn.TryGetDate(out var due) ? due : null,
        }, HttpContext.RequestAborted);
        switch (outcome)
        {
            case EpisodeOutcome.Done:
                return Redirect($"/episodes/{InView.Id}/plan?done=action-updated");
            case EpisodeOutcome.Conflict:
                Conflict = true;
                ModelState.Clear();
                await LoadAsync(keepInput: false);
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
            case EpisodeOutcome.NotAllowed refused:
                ModelState.AddModelError("Input.Status", refused.Message);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(bool keepInput)
    {
        Today = Display.Today(time);
        var found = await db.GoalActions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == ActionId && a.EpisodeId == InView.Id, HttpContext.RequestAborted);
        if (found is null)
        {
            return false;
        }

        Action = found;
        GoalDescription = await db.Goals.Where(g => g.Id == found.GoalId).Select(g => g.Description).SingleAsync(HttpContext.RequestAborted);
        if (!keepInput)
        {
            Version = found.Version;
            Input = new UpdateInput { Status = found.Status, DueOn = DateParts.From(found.DueOn) };
        }

        return true;
    }

    public sealed class UpdateInput
    {
        public ActionStatus? Status { get; set; }
        public DateParts DueOn { get; set; } = new();
    }
}
