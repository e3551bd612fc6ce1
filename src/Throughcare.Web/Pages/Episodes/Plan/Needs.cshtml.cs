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

/// <summary>Records a needs assessment across the seven resettlement pathways, at the start, a review or the end.</summary>
[Requires(EpisodeRight.Work)]
public sealed class NeedsModel(ThroughcareDbContext db, PlanService plan, TimeProvider time) : PageModel
{
    [BindProperty]
    public NeedsInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    public static IEnumerable<SelectListItem> OccasionItems =>
        Enum.GetValues<AssessmentOccasion>().Select(o => new SelectListItem(EpisodeStates.Label(o), o.ToString()));

    public static IEnumerable<SelectListItem> LevelItems =>
        Enum.GetValues<NeedLevel>().Select(l => new SelectListItem(EpisodeStates.Label(l), l.ToString()));

    public IActionResult OnGet()
    {
        SubmissionId = Guid.NewGuid();
        Input.AssessedOn = DateParts.From(Display.Today(time));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (SubmissionId == Guid.Empty)
        {
            SubmissionId = Guid.NewGuid();
        }

        var startedOn = await db.Episodes.Where(e => e.Id == InView.Id).Select(e => e.StartedOn).SingleAsync(HttpContext.RequestAborted);
        if (!NeedsInput.CreateValidator(startedOn, Display.Today(time)).Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        Input.AssessedOn.TryGetDate(out var assessedOn);
        var result = await plan.RecordNeedsAsync(new RecordNeeds
        {
            EpisodeId = InView.Id,
            Occasion = Input.Occasion!.Value,
            AssessedOn = assessedOn,
            Levels = Input.Levels().ToDictionary(l => l.Pathway, l => l.Level!.Value),
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

    public sealed class NeedsInput
    {
        public AssessmentOccasion? Occasion { get; set; }
        public DateParts AssessedOn { get; set; } = new();
        public NeedLevel? Accommodation { get; set; }
        public NeedLevel? Ete { get; set; }
        public NeedLevel? Health { get; set; }
        public NeedLevel? DrugsAlcohol { get; set; }
        public NeedLevel? Finance { get; set; }
        public NeedLevel? ChildrenFamilies { get; set; }
        public NeedLevel? Attitudes { get; set; }
        public string? Note { get; set; }

        /// <summary>Each pathway's code and the level chosen.</summary>
        public IEnumerable<(string Pathway, NeedLevel? Level)> Levels() =>
        [
            ("accommodation", Accommodation),
            ("ete", Ete),
            ("health", Health),
            ("drugs-alcohol", DrugsAlcohol),
            ("finance", Finance),
            ("children-families", ChildrenFamilies),
            ("attitudes", Attitudes),
        ];

        public static InlineValidator<NeedsInput> CreateValidator(DateOnly startedOn, DateOnly today)
        {
            var dateRule = new DateRule("Date of the assessment", "Enter the date of the assessment", startedOn, today,
                "Date of the assessment must be on or after the episode's start", "Date of the assessment must be today or in the past");
            static string Message(string code) => $"Select the level of need for {Domain.ReferenceData.ResettlementPathways.All.LabelFor(code)!.ToLowerInvariant()}";
            return new InlineValidator<NeedsInput>
            {
                v => v.RuleFor(x => x.Occasion).NotNull().WithMessage("Select when the assessment was made").IsInEnum().WithMessage("Select when the assessment was made"),
                v => v.RuleFor(x => x.AssessedOn).Satisfies(_ => dateRule),
                v => v.RuleFor(x => x.Accommodation).NotNull().WithMessage(Message("accommodation")).IsInEnum().WithMessage(Message("accommodation")),
                v => v.RuleFor(x => x.Ete).NotNull().WithMessage(Message("ete")).IsInEnum().WithMessage(Message("ete")),
                v => v.RuleFor(x => x.Health).NotNull().WithMessage(Message("health")).IsInEnum().WithMessage(Message("health")),
                v => v.RuleFor(x => x.DrugsAlcohol).NotNull().WithMessage(Message("drugs-alcohol")).IsInEnum().WithMessage(Message("drugs-alcohol")),
                v => v.RuleFor(x => x.Finance).NotNull().WithMessage(Message("finance")).IsInEnum().WithMessage(Message("finance")),
                v => v.RuleFor(x => x.ChildrenFamilies).NotNull().WithMessage(Message("children-families")).IsInEnum().WithMessage(Message("children-families")),
                v => v.RuleFor(x => x.Attitudes).NotNull().WithMessage(Message("attitudes")).IsInEnum().WithMessage(Message("attitudes")),
                v => v.RuleFor(x => x.Note).SafeText("Note", 4000, multiline: true),
            };
        }
    }
}
