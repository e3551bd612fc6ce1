using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Engagement;

/// <summary>A disengaged person has come back: the episode is active again.</summary>
public sealed class ReengageModel(ThroughcareDbContext db, EngagementService engagement) : EngagementPageModel(db)
{
    private static readonly InlineValidator<ReasonInput> Validator = new()
    {
        v => v.RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter how the person re-engaged").SafeText("Reason", 2000, multiline: true),
    };

    [BindProperty]
    public ReasonInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => InView.MayWork ? await ShowAsync(keepInput: false) : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!InView.MayWork)
        {
            return NotFound();
        }

        if (!Validator.Validate(Input).AddTo(ModelState, nameof(Input)))
        {
            return await ShowAsync();
        }

        return await AfterAsync(await engagement.ReengageAsync(InView.Id, Version, Input.Reason!.Trim(), HttpContext.RequestAborted), "Input.Reason", "reengaged");
    }
}
