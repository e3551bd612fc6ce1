using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Engagement;

/// <summary>Marks an engaging or active episode disengaged, with a reason. The episode stays open.</summary>
public sealed class DisengageModel(ThroughcareDbContext db, EngagementService engagement) : EngagementPageModel(db)
{
    private static readonly InlineValidator<ReasonInput> Validator = new()
    {
        v => v.RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter why the person has disengaged").SafeText("Reason", 2000, multiline: true),
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

        return await AfterAsync(await engagement.DisengageAsync(InView.Id, Version, Input.Reason!.Trim(), HttpContext.RequestAborted), "Input.Reason", "disengaged");
    }
}

public sealed class ReasonInput
{
    public string? Reason { get; set; }
}
