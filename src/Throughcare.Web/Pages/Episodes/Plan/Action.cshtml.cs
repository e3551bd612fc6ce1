using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
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
    public ConflictView? Conflict { get; private set; }
    public DateOnly Today { get; private set; }

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    public static IEnumerable<SelectListItem> StatusItems =>
        Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(EpisodeStates.Label(s), s.ToString()));

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Version = Action.Version;
        Input = new UpdateInput { Status = Action.Status, DueOn = DateParts.From(Action.DueOn) };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
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

        var dueOn = Input.DueOn.TryGetDate(out var due) ? due : (DateOnly?)null;
        var result = await plan.UpdateActionAsync(new UpdateAction
        {
            EpisodeId = InView.Id,
            ActionId = ActionId,
            Version = Version,
            Status = Input.Status!.Value,
            DueOn = dueOn,
        }, HttpContext.RequestAborted);
        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = _ => RedirectToPage("/Episodes/Plan/Index", new { episodeId = InView.Id }),
            Flash = "Action updated",
            RefusedField = "Input.Status",
            Conflict = async _ =>
            {
                await LoadAsync();
                Version = Action.Version;
                Conflict = ConflictView.Of("The action",
                    ("Status", EpisodeStates.Label(Action.Status), EpisodeStates.Label(Input.Status!.Value)),
                    ("Due", DueText(Action.DueOn), DueText(dueOn)));
            },
        });
    }

    private static string DueText(DateOnly? due) => due is { } date ? Display.Date(date) : "No date";

    /// <summary>The action as saved now, with its goal.</summary>
    private async Task LoadAsync()
    {
        Today = Display.Today(time);
        Action = await db.GoalActions.AsNoTracking().SingleAsync(a => a.Id == ActionId && a.EpisodeId == InView.Id, HttpContext.RequestAborted);
        GoalDescription = await db.Goals.Where(g => g.Id == Action.GoalId).Select(g => g.Description).SingleAsync(HttpContext.RequestAborted);
    }

    public sealed class UpdateInput
    {
        public ActionStatus? Status { get; set; }
        public DateParts DueOn { get; set; } = new();
    }
}
