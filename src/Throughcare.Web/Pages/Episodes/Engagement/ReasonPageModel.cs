using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Engagement;

public sealed class ReasonInput
{
    public string? Reason { get; set; }
}

/// <summary>A change of state that needs only the reason for it: disengaging and re-engaging.</summary>
[Requires(EpisodeRight.Work)]
public abstract class ReasonPageModel(ThroughcareDbContext db) : EngagementPageModel(db)
{
    [BindProperty]
    public ReasonInput Input { get; set; } = new();

    /// <summary>The GOV.UK message when the reason is missing.</summary>
    protected abstract string MissingReason { get; }

    /// <summary>The engagement page's success banner.</summary>
    protected abstract string Flash { get; }

    /// <summary>The state the change moves the episode to.</summary>
    protected abstract EpisodeState Becomes { get; }

    protected abstract Task<WriteResult> ChangeAsync(string reason);

    public async Task<IActionResult> OnGetAsync() => await ShowAsync(keepInput: false);

    public async Task<IActionResult> OnPostAsync()
    {
        var validator = new InlineValidator<ReasonInput>
        {
            v => v.RuleFor(x => x.Reason).NotEmpty().WithMessage(MissingReason).SafeText("Reason", 2000, multiline: true),
        };
        if (!validator.Validate(Input).AddTo(ModelState, nameof(Input)))
        {
            return await ShowAsync();
        }

        return await AnswerAsync(await ChangeAsync(Input.Reason!.Trim()), "Input.Reason", Flash, StateBecomes(EpisodeStates.Label(Becomes), Input.Reason!.Trim()));
    }
}
