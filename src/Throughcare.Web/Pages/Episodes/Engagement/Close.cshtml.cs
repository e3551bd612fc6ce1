using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Engagement;

/// <summary>Proposes closing the episode with a coded reason, an end-of-service summary and an outcome for every goal.</summary>
[Requires(EpisodeRight.Work)]
public sealed class CloseModel(ThroughcareDbContext db, EngagementService engagement) : EngagementPageModel(db)
{
    private static readonly InlineValidator<CloseInput> Validator = new()
    {
        v => v.RuleFor(x => x.Reason).NotNull().WithMessage("Select the reason for closing the episode"),
        v => v.RuleFor(x => x.ReasonText).NotEmpty().WithMessage("Enter the reason for closing the episode").When(x => x.Reason == EpisodeCloseReason.Other),
        v => v.RuleFor(x => x.ReasonText).SafeText("Reason", 2000, multiline: true),
        v => v.RuleFor(x => x.Summary).NotEmpty().WithMessage("Enter the end-of-service summary").SafeText("End-of-service summary", 8000, multiline: true),
    };

    [BindProperty]
    public CloseInput Input { get; set; } = new();

    /// <summary>The episode's goals, in the order of Input.Goals.</summary>
    public IReadOnlyList<Goal> Goals { get; private set; } = [];

    public DisengagementReadiness? Readiness { get; private set; }

    public static IEnumerable<SelectListItem> ReasonItems =>
        Enum.GetValues<EpisodeCloseReason>().Select(r => new SelectListItem(EpisodeStates.Label(r), r.ToString()));

    public static IEnumerable<SelectListItem> OutcomeItems =>
        Enum.GetValues<GoalOutcome>().Select(o => new SelectListItem(EpisodeStates.Label(o), o.ToString()));

    public async Task<IActionResult> OnGetAsync() => await ShowAsync(keepInput: false);

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync(keepInput: true);
        var valid = Validator.Validate(Input).AddTo(ModelState, nameof(Input));
        var outcomes = new Dictionary<Guid, GoalOutcome>();
        for (var i = 0; i < Goals.Count; i++)
        {
            if (Input.Goals[i].Outcome is { } outcome && Enum.IsDefined(outcome))
            {
                outcomes[Goals[i].Id] = outcome;
            }
            else
            {
                ModelState.AddModelError($"Input.Goals[{i}].Outcome", $"Select an outcome for the goal \u2018{Goals[i].Description}\u2019");
                valid = false;
            }
        }

        if (!valid)
        {
            return Page();
        }

        var result = await engagement.ProposeClosureAsync(new ClosureOptions
        {
            EpisodeId = InView.Id,
            Version = Version,
            Reason = Input.Reason!.Value,
            ReasonText = TextRules.Tidy(Input.ReasonText),
            Summary = Input.Summary!.Trim(),
            GoalOutcomes = outcomes,
        }, HttpContext.RequestAborted);
        return await AnswerAsync(result, "Input.Reason", "Closure proposed: the service's managers have been asked to sign it off", saved =>
        [
            ("State", EpisodeStates.Label(saved.State), EpisodeStates.Label(EpisodeState.Closing)),
            ("Reason for closing", saved.CloseReason is { } was ? EpisodeStates.Label(was) : null, EpisodeStates.Label(Input.Reason!.Value)),
            ("Details of the reason", saved.CloseReasonText, TextRules.Tidy(Input.ReasonText)),
            ("End of service summary", saved.EndOfServiceSummary, Input.Summary!.Trim()),
        ]);
    }

    protected override async Task LoadAsync(bool keepInput)
    {
        var cancellationToken = HttpContext.RequestAborted;
        Goals = await Db.Goals.AsNoTracking().Where(g => g.EpisodeId == InView.Id).OrderBy(g => g.CreatedAt).ThenBy(g => g.Id).ToListAsync(cancellationToken);
        var posted = Input.Goals.Where(g => g.GoalId is not null).ToDictionary(g => g.GoalId!.Value, g => g.Outcome);
        Input.Goals = Goals.Select(g => new GoalChoice
        {
            GoalId = g.Id,
            Outcome = keepInput && posted.TryGetValue(g.Id, out var chosen) ? chosen : keepInput ? null : g.Outcome,
        }).ToList();
        var minimum = await Db.Services.Where(s => s.Id == InView.ServiceId).Select(s => s.MinimumReengagementAttempts).SingleAsync(cancellationToken);
        Readiness = InView.State == EpisodeState.Disengaged ? await engagement.ReadinessAsync(InView.Id, InView.State, minimum, cancellationToken) : null;
    }

    public sealed class CloseInput
    {
        public EpisodeCloseReason? Reason { get; set; }
        public string? ReasonText { get; set; }
        public string? Summary { get; set; }
        public List<GoalChoice> Goals { get; set; } = [];
    }

    public sealed class GoalChoice
    {
        public Guid? GoalId { get; set; }
        public GoalOutcome? Outcome { get; set; }
    }
}
