using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Web.Pages.Episodes.Reviews;

/// <summary>Records a review held: when, and what was agreed.</summary>
[Requires(EpisodeRight.Work)]
public sealed class NewModel(ThroughcareDbContext db, ReviewService reviews, TimeProvider time) : PageModel
{
    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    public IActionResult OnGet()
    {
        SubmissionId = Guid.NewGuid();
        Input.HeldOn = DateParts.From(Display.Today(time));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (SubmissionId == Guid.Empty)
        {
            SubmissionId = Guid.NewGuid();
        }

        var startedOn = await db.Episodes.Where(e => e.Id == InView.Id).Select(e => e.StartedOn).SingleAsync(HttpContext.RequestAborted);
        var heldRule = new DateRule("Date of the review", "Enter the date of the review", startedOn, Display.Today(time),
            "Date of the review must be on or after the episode's start", "Date of the review must be today or in the past");
        var validator = new InlineValidator<ReviewInput>
        {
            v => v.RuleFor(x => x.HeldOn).Satisfies(_ => heldRule),
            v => v.RuleFor(x => x.Summary).NotEmpty().WithMessage("Enter a summary of the review").SafeText("Summary", 8000, multiline: true),
        };
        if (!validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        Input.HeldOn.TryGetDate(out var heldOn);
        var result = await reviews.RecordAsync(new RecordReview { EpisodeId = InView.Id, HeldOn = heldOn, Summary = Input.Summary!.Trim(), SubmissionId = SubmissionId }, HttpContext.RequestAborted);
        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = _ => RedirectToPage("/Episodes/Reviews/Index", new { episodeId = InView.Id }),
            Flash = "Review recorded",
            RefusedField = "Input.HeldOn",
        });
    }

    public sealed class ReviewInput
    {
        public DateParts HeldOn { get; set; } = new();
        public string? Summary { get; set; }
    }
}
