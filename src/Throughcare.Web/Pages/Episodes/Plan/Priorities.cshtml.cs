using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
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

    public ConflictView? Conflict { get; private set; }

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    public async Task OnGetAsync()
    {
        var saved = await SavedAsync();
        Version = saved.Version;
        Input = new PrioritiesInput { First = saved.HardestThing1, Second = saved.HardestThing2, Third = saved.HardestThing3 };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var mine = new PrioritiesInput { First = Input.First!.Trim(), Second = TextRules.Tidy(Input.Second), Third = TextRules.Tidy(Input.Third) };
        var result = await plan.SetPrioritiesAsync(new SetPriorities { EpisodeId = InView.Id, Version = Version, First = mine.First, Second = mine.Second, Third = mine.Third }, HttpContext.RequestAborted);
        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = _ => RedirectToPage("/Episodes/Plan/Index", new { episodeId = InView.Id }),
            Flash = "Three hardest things saved",
            RefusedField = "Input.First",
            Conflict = async _ =>
            {
                var saved = await SavedAsync();
                Version = saved.Version;
                Conflict = ConflictView.Of("The episode",
                    ("First", saved.HardestThing1, mine.First), ("Second", saved.HardestThing2, mine.Second), ("Third", saved.HardestThing3, mine.Third));
            },
        });
    }

    private Task<Episode> SavedAsync() => db.Episodes.AsNoTracking().SingleAsync(e => e.Id == InView.Id, HttpContext.RequestAborted);

    public sealed class PrioritiesInput
    {
        public string? First { get; set; }
        public string? Second { get; set; }
        public string? Third { get; set; }
    }
}
