using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Access;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Web.Pages.Episodes;

/// <summary>A manager runs the episode beyond its planned end, with a reason.</summary>
[Requires(EpisodeRight.Manage)]
public sealed class ExtendModel(ThroughcareDbContext db, ReviewService reviews) : PageModel
{
    [BindProperty]
    public ExtendInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public DateOnly PlannedEndOn { get; private set; }
    public bool Conflict { get; private set; }

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync(keepVersion: false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync(keepVersion: true);
        var endRule = new DateRule("New planned end", "Enter the new planned end", PlannedEndOn.AddDays(1), PlannedEndOn.AddYears(5),
            "New planned end must be after the current planned end", "New planned end must be within 5 years of the current one");
        var validator = new InlineValidator<ExtendInput>
        {
            v => v.RuleFor(x => x.NewPlannedEnd).Satisfies(_ => endRule),
            v => v.RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter the reason for extending the episode").SafeText("Reason", 2000, multiline: true),
        };
        if (!validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        Input.NewPlannedEnd.TryGetDate(out var newEnd);
        var outcome = await reviews.ExtendAsync(new ExtendEpisode { EpisodeId = InView.Id, Version = Version, NewPlannedEnd = newEnd, Reason = Input.Reason!.Trim() }, HttpContext.RequestAborted);
        switch (outcome)
        {
            case EpisodeOutcome.Done:
                return Redirect($"/episodes/{InView.Id}/reviews?done=extended");
            case EpisodeOutcome.Conflict:
                Conflict = true;
                ModelState.Clear();
                await LoadAsync(keepVersion: false);
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
            case EpisodeOutcome.NotAllowed refused:
                ModelState.AddModelError("Input.NewPlannedEnd", refused.Message);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task LoadAsync(bool keepVersion)
    {
        var episode = await db.Episodes.AsNoTracking().Where(e => e.Id == InView.Id).Select(e => new { e.PlannedEndOn, e.Version }).SingleAsync(HttpContext.RequestAborted);
        PlannedEndOn = episode.PlannedEndOn;
        if (!keepVersion)
        {
            Version = episode.Version;
        }
    }

    public sealed class ExtendInput
    {
        public DateParts NewPlannedEnd { get; set; } = new();
        public string? Reason { get; set; }
    }
}
