using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Engagement;

/// <summary>A manager confirms a proposed closure, or returns it with a reason. Anyone else finds nothing here.</summary>
[Requires(EpisodeRight.Manage)]
public sealed class SignOffModel(ThroughcareDbContext db, EngagementService engagement) : EngagementPageModel(db)
{
    private static readonly InlineValidator<ReasonInput> Validator = new()
    {
        v => v.RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter why the closure is returned").SafeText("Reason", 2000, multiline: true),
    };

    [BindProperty]
    public ReasonInput Return { get; set; } = new();

    public Episode Episode { get; private set; } = null!;
    public string ProposedBy { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync() => await ShowAsync(keepInput: false);

    public async Task<IActionResult> OnPostConfirmAsync() =>
        await AnswerAsync(await engagement.SignOffAsync(InView.Id, Version, HttpContext.RequestAborted), "Return.Reason", "The episode is closed",
            StateBecomes(EpisodeStates.Label(EpisodeState.Closed)));

    public async Task<IActionResult> OnPostReturnAsync()
    {
        if (!Validator.Validate(Return).AddTo(ModelState, nameof(Return)))
        {
            return await ShowAsync();
        }

        return await AnswerAsync(await engagement.ReturnClosureAsync(InView.Id, Version, Return.Reason!.Trim(), HttpContext.RequestAborted), "Return.Reason", "The closure was returned",
            StateBecomes("Closure returned"));
    }

    protected override async Task LoadAsync(bool keepInput)
    {
        Episode = await Db.Episodes.AsNoTracking().SingleAsync(e => e.Id == InView.Id, HttpContext.RequestAborted);
        ProposedBy = await Db.Users.Where(u => u.Id == Episode.ClosureProposedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(HttpContext.RequestAborted) ?? "";
    }
}
