using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Engagement;

/// <summary>The team's reflective review of a disengaged episode: what is going on, what was missed, what was tried.</summary>
[Requires(EpisodeRight.Work)]
public sealed class ReflectModel(ThroughcareDbContext db, EngagementService engagement) : EngagementPageModel(db)
{
    private static readonly InlineValidator<ReflectInput> Validator = new()
    {
        v => v.RuleFor(x => x.WhatIsGoingOn).NotEmpty().WithMessage("Enter what the team thinks is going on").SafeText("What the team thinks is going on", 4000, multiline: true),
        v => v.RuleFor(x => x.WhatMayHaveBeenMissed).NotEmpty().WithMessage("Enter what may have been missed").SafeText("What may have been missed", 4000, multiline: true),
        v => v.RuleFor(x => x.WhatWasTried).NotEmpty().WithMessage("Enter what was tried").SafeText("What was tried", 4000, multiline: true),
    };

    [BindProperty]
    public ReflectInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        SubmissionId = Guid.NewGuid();
        return await ShowAsync(keepInput: false);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (SubmissionId == Guid.Empty)
        {
            SubmissionId = Guid.NewGuid();
        }

        if (!Validator.Validate(Input).AddTo(ModelState, nameof(Input)))
        {
            return await ShowAsync();
        }

        var result = await engagement.RecordReflectiveReviewAsync(new ReflectiveReviewOptions
        {
            EpisodeId = InView.Id,
            WhatIsGoingOn = Input.WhatIsGoingOn!.Trim(),
            WhatMayHaveBeenMissed = Input.WhatMayHaveBeenMissed!.Trim(),
            WhatWasTried = Input.WhatWasTried!.Trim(),
            SubmissionId = SubmissionId,
        }, HttpContext.RequestAborted);
        return await AnswerAsync(result, "Input.WhatIsGoingOn", "Reflective review recorded");
    }

    public sealed class ReflectInput
    {
        public string? WhatIsGoingOn { get; set; }
        public string? WhatMayHaveBeenMissed { get; set; }
        public string? WhatWasTried { get; set; }
    }
}
