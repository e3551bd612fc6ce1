using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Referrals;

[Authorize(Policy = Capabilities.MakeReferrals)]
public sealed class ReasonModel(ThroughcareDbContext db, ReferralService referrals)
    : ReferralJourneyModel(db, referrals)
{
    private static readonly InlineValidator<ReasonInput> Validator = new()
    {
        v => v.RuleFor(x => x.Source).Must(ReferralJourney.IsEnumName<ReferralSource>).WithMessage("Select where the referral comes from"),
        v => v.RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter the reason for the referral").SafeText("Reason for the referral", 4000, multiline: true),
        v => v.RuleFor(x => x.HelpWanted).SafeText("What the person wants help with", 4000, multiline: true),
    };

    [BindProperty]
    public ReasonInput Input { get; set; } = new();

    protected override IEnumerable<(string Question, string? Saved, string? Yours)> Answers =>
    [
        ("Where the referral comes from", ReferralJourney.SourceLabel(Referral.Source), ReferralJourney.SourceLabel(ReferralJourney.ParseEnum<ReferralSource>(Input.Source))),
        ("Reason for the referral", Referral.Reason, TextRules.Tidy(Input.Reason)),
        ("What the person wants help with", Referral.HelpWanted, TextRules.Tidy(Input.HelpWanted)),
    ];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new ReasonInput { Source = Referral.Source?.ToString(), Reason = Referral.Reason, HelpWanted = Referral.HelpWanted };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        return await SaveAsync(d => d with
        {
            Source = ReferralJourney.ParseEnum<ReferralSource>(Input.Source),
            Reason = TextRules.Tidy(Input.Reason),
            HelpWanted = TextRules.Tidy(Input.HelpWanted),
        });
    }

    public sealed class ReasonInput
    {
        public string? Source { get; set; }
        public string? Reason { get; set; }
        public string? HelpWanted { get; set; }
    }
}
