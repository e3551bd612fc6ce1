using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Access;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Plan;

/// <summary>The person's three hardest things, in their own words; at least the first.</summary>
[Requires(EpisodeRight.Work)]
public sealed class PrioritiesModel(ThroughcareDbContext db, PlanService plan) : PageModel
{
    private static readonly InlineValidator<PrioritiesInput> Validator = new()
    {
        v => v.RuleFor(x => x.First).NotEmpty().WithMessage("Enter the first hardest thing, in the person's words").SafeText("The first hardest thing", 1000, multiline: true),
        v => v.RuleFor(x => x.Second).SafeText("The second hardest thing", 1000, multiline: true),
        v => v.RuleFor(x => x.Third).SafeText("The third hardest thing", 1000, multiline: true),
    };

    [BindProperty]
    public PrioritiesInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public bool Conflict { get; private set; }

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var outcome = await plan.SetPrioritiesAsync(new SetPriorities
        {
            EpisodeId = InView.Id,
            Version = Version,
            First = Input.First!.Trim(),
            Second = TextRules.Tidy(Input.Second),
            Third = TextRules.Tidy(Input.Third),
        }, HttpContext.RequestAborted);
        switch (outcome)
        {
            case EpisodeOutcome.Done:
                return Redirect($"/episodes/{InView.Id}/plan?done=priorities");
            case EpisodeOutcome.Conflict:
                Conflict = true;
                ModelState.Clear();
                await LoadAsync();
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
            case EpisodeOutcome.NotAllowed refused:
                ModelState.AddModelError("Input.First", refused.Message);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task LoadAsync()
    {
        var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == InView.Id, HttpContext.RequestAborted);
        Version = episode.Version;
        Input = new PrioritiesInput { First = episode.HardestThing1, Second = episode.HardestThing2, Third = episode.HardestThing3 };
    }

    public sealed class PrioritiesInput
    {
        public string? First { get; set; }
        public string? Second { get; set; }
        public string? Third { get; set; }
    }
}
