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

/// <summary>Adds an action towards a goal: what, who owns it, and when it is due.</summary>
[Requires(EpisodeRight.Work)]
public sealed class NewActionModel(ThroughcareDbContext db, PlanService plan, TimeProvider time) : PageModel
{
    [BindProperty]
    public ActionInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    [FromRoute]
    public Guid GoalId { get; set; }

    public string GoalDescription { get; private set; } = "";

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    public static IEnumerable<SelectListItem> OwnerItems =>
        Enum.GetValues<ActionOwner>().Select(o => new SelectListItem(EpisodeStates.Label(o), o.ToString()));

    public async Task OnGetAsync()
    {
        await LoadGoalAsync();
        SubmissionId = Guid.NewGuid();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadGoalAsync();
        if (SubmissionId == Guid.Empty)
        {
            SubmissionId = Guid.NewGuid();
        }

        var today = Display.Today(time);
        if (!ActionInput.CreateValidator(today).Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var result = await plan.AddActionAsync(new AddAction
        {
            EpisodeId = InView.Id,
            GoalId = GoalId,
            Description = Input.Description!.Trim(),
            Owner = Input.Owner!.Value,
            OwnerName = TextRules.Tidy(Input.OwnerName),
            DueOn = Input.DueOn.TryGetDate(out var due) ? due : null,
            SubmissionId = SubmissionId,
        }, HttpContext.RequestAborted);
        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = _ => RedirectToPage("/Episodes/Plan/Index", new { episodeId = InView.Id }),
            Flash = "Action added",
            RefusedField = "Input.Description",
        });
    }

    private async Task LoadGoalAsync() =>
        GoalDescription = await db.Goals.Where(g => g.Id == GoalId && g.EpisodeId == InView.Id).Select(g => g.Description).SingleAsync(HttpContext.RequestAborted);

    public sealed class ActionInput
    {
        public string? Description { get; set; }
        public ActionOwner? Owner { get; set; }
        public string? OwnerName { get; set; }
        public DateParts DueOn { get; set; } = new();

        public static InlineValidator<ActionInput> CreateValidator(DateOnly today)
        {
            var dueRule = DueRule(today);
            return new InlineValidator<ActionInput>
            {
                v => v.RuleFor(x => x.Description).NotEmpty().WithMessage("Enter the action").SafeText("Action", 1000, multiline: true),
                v => v.RuleFor(x => x.Owner).NotNull().WithMessage("Select who owns the action").IsInEnum().WithMessage("Select who owns the action"),
                v => v.RuleFor(x => x.OwnerName).NotEmpty().WithMessage("Enter the name of the other organisation").When(x => x.Owner == ActionOwner.OtherOrganisation),
                v => v.RuleFor(x => x.OwnerName).SafeText("Organisation name", 200),
                v => v.RuleFor(x => x.DueOn).Satisfies(_ => dueRule),
            };
        }
    }

    /// <summary>A due date is optional; when given it must be a real date within a sensible range.</summary>
    public static DateRule DueRule(DateOnly today) =>
        new("Due date", null, today.AddYears(-5), today.AddYears(5), "Due date must be within the last 5 years", "Due date must be within the next 5 years");
}
