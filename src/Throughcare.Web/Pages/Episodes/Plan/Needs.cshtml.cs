using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Web.Pages.Episodes.Plan;

/// <summary>Records a needs assessment across the resettlement pathways in use, at the start, a review or the end.</summary>
[Requires(EpisodeRight.Work)]
public sealed class NeedsModel(ThroughcareDbContext db, PlanService plan, PathwayCatalogue pathways, TimeProvider time) : PageModel
{
    [BindProperty]
    public NeedsInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    /// <summary>The pathways the form asks about: those in use now.</summary>
    public IReadOnlyList<Pathway> Pathways { get; private set; } = [];

    public static IEnumerable<SelectListItem> OccasionItems =>
        Enum.GetValues<AssessmentOccasion>().Select(o => new SelectListItem(EpisodeStates.Label(o), o.ToString()));

    public static IEnumerable<SelectListItem> LevelItems =>
        Enum.GetValues<NeedLevel>().Select(l => new SelectListItem(EpisodeStates.Label(l), l.ToString()));

    public async Task<IActionResult> OnGetAsync()
    {
        SubmissionId = Guid.NewGuid();
        Input.AssessedOn = DateParts.From(Display.Today(time));
        Pathways = (await pathways.GetAsync(HttpContext.RequestAborted)).Offered;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (SubmissionId == Guid.Empty)
        {
            SubmissionId = Guid.NewGuid();
        }

        Pathways = (await pathways.GetAsync(HttpContext.RequestAborted)).Offered;
        var startedOn = await db.Episodes.Where(e => e.Id == InView.Id).Select(e => e.StartedOn).SingleAsync(HttpContext.RequestAborted);
        if (!NeedsInput.CreateValidator(startedOn, Display.Today(time), Pathways).Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        Input.AssessedOn.TryGetDate(out var assessedOn);
        var result = await plan.RecordNeedsAsync(new RecordNeeds
        {
            EpisodeId = InView.Id,
            Occasion = Input.Occasion!.Value,
            AssessedOn = assessedOn,
            Levels = Pathways.ToDictionary(p => p.Code, p => NeedsInput.Level(Input.LevelOn(p.Code))!.Value),
            Note = TextRules.Tidy(Input.Note),
            SubmissionId = SubmissionId,
        }, HttpContext.RequestAborted);
        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = _ => RedirectToPage("/Episodes/Plan/Index", new { episodeId = InView.Id }),
            Flash = "Needs assessment recorded",
            RefusedField = "Input.Occasion",
        });
    }

    /// <summary>The field of one pathway's level, keyed by its code.</summary>
    public static string LevelField(Pathway pathway) => $"Input.Levels[{pathway.Code}]";

    public sealed class NeedsInput
    {
        public AssessmentOccasion? Occasion { get; set; }
        public DateParts AssessedOn { get; set; } = new();

        /// <summary>The level chosen on each pathway, by pathway code; bound as text so a wrong value gets a message.</summary>
        public Dictionary<string, string?> Levels { get; set; } = [];
        public string? Note { get; set; }

        public string? LevelOn(string code) => Levels.GetValueOrDefault(code);

        public static NeedLevel? Level(string? posted) =>
            Enum.TryParse<NeedLevel>(posted, ignoreCase: false, out var level) && Enum.IsDefined(level) && Enum.GetName(level) == posted ? level : null;

        public static InlineValidator<NeedsInput> CreateValidator(DateOnly startedOn, DateOnly today, IReadOnlyList<Pathway> pathways)
        {
            var dateRule = new DateRule("Date of the assessment", "Enter the date of the assessment", startedOn, today,
                "Date of the assessment must be on or after the episode's start", "Date of the assessment must be today or in the past");
            var validator = new InlineValidator<NeedsInput>
            {
                v => v.RuleFor(x => x.Occasion).NotNull().WithMessage("Select when the assessment was made").IsInEnum().WithMessage("Select when the assessment was made"),
                v => v.RuleFor(x => x.AssessedOn).Satisfies(_ => dateRule),
            };
            foreach (var pathway in pathways)
            {
                var code = pathway.Code;
                validator.Add(v => v.RuleFor(x => x.LevelOn(code)).Must(l => Level(l) is not null)
                    .WithMessage($"Select the level of need for {pathway.Label.ToLowerInvariant()}").OverridePropertyName($"Levels[{code}]"));
            }

            validator.Add(v => v.RuleFor(x => x.Note).SafeText("Note", 4000, multiline: true));
            return validator;
        }
    }
}
