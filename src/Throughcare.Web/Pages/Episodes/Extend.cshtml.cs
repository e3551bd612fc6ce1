using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
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
    public ConflictView? Conflict { get; private set; }

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    public async Task OnGetAsync() => Version = await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var answer = new WriteAnswer
        {
            Done = _ => RedirectToPage("/Episodes/Reviews/Index", new { episodeId = InView.Id }),
            Flash = "Planned end extended",
            RefusedField = "Input.NewPlannedEnd",
            Conflict = async _ =>
            {
                Version = await LoadAsync();
                Conflict = ConflictView.Of("The episode", ("Planned end", Display.Date(PlannedEndOn), Input.NewPlannedEnd.TryGetDate(out var yours) ? Display.Date(yours) : null));
            },
        };

        // Checked before the rules below, which compare with the planned end saved now rather than the one the form showed.
        if (await LoadAsync() != Version)
        {
            return await this.AnswerAsync(new WriteResult.Conflict(), answer);
        }

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
        var result = await reviews.ExtendAsync(new ExtendEpisode { EpisodeId = InView.Id, Version = Version, NewPlannedEnd = newEnd, Reason = Input.Reason!.Trim() }, HttpContext.RequestAborted);
        return await this.AnswerAsync(result, answer);
    }

    /// <summary>Loads the planned end as saved now, and returns the episode's version.</summary>
    private async Task<Guid> LoadAsync()
    {
        var episode = await db.Episodes.AsNoTracking().Where(e => e.Id == InView.Id).Select(e => new { e.PlannedEndOn, e.Version }).SingleAsync(HttpContext.RequestAborted);
        PlannedEndOn = episode.PlannedEndOn;
        return episode.Version;
    }

    public sealed class ExtendInput
    {
        public DateParts NewPlannedEnd { get; set; } = new();
        public string? Reason { get; set; }
    }
}
