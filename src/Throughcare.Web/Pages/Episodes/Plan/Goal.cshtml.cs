using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Plan;

/// <summary>Adds a goal the person is working towards, optionally on one resettlement pathway.</summary>
[Requires(EpisodeRight.Work)]
public sealed class GoalModel(PlanService plan, PathwayCatalogue pathways) : PageModel
{
    private static InlineValidator<GoalInput> Validator(PathwayList pathways) => new()
    {
        v => v.RuleFor(x => x.Description).NotEmpty().WithMessage("Enter the goal").SafeText("Goal", 1000, multiline: true),
        v => v.RuleFor(x => x.Pathway).Must(p => string.IsNullOrEmpty(p) || pathways.Offered.Contains(p)).WithMessage(PlanService.GoalPathwayNotListed),
    };

    [BindProperty]
    public GoalInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    public PathwayList Pathways { get; private set; } = PathwayList.Empty;

    public IEnumerable<SelectListItem> PathwayItems => Pathways.Offered.Select(p => new SelectListItem(p.Label, p.Code));

    public async Task<IActionResult> OnGetAsync()
    {
        SubmissionId = Guid.NewGuid();
        Pathways = await pathways.GetAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (SubmissionId == Guid.Empty)
        {
            SubmissionId = Guid.NewGuid();
        }

        Pathways = await pathways.GetAsync(HttpContext.RequestAborted);
        if (!Validator(Pathways).Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var result = await plan.AddGoalAsync(new AddGoal
        {
            EpisodeId = InView.Id,
            Description = Input.Description!.Trim(),
            Pathway = string.IsNullOrEmpty(Input.Pathway) ? null : Pathways.Offered.Find(Input.Pathway)!.Code,
            SubmissionId = SubmissionId,
        }, HttpContext.RequestAborted);
        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = _ => RedirectToPage("/Episodes/Plan/Index", new { episodeId = InView.Id }),
            Flash = "Goal added",
            RefusedField = "Input.Description",
        });
    }

    public sealed class GoalInput
    {
        public string? Description { get; set; }
        public string? Pathway { get; set; }
    }
}
