using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Referrals;

[Authorize(Policy = Capabilities.MakeReferrals)]
public sealed class NeedsModel(ThroughcareDbContext db, ReferralService referrals)
    : ReferralJourneyModel(db, referrals)
{
    private static readonly InlineValidator<NeedsInput> Validator = new()
    {
        v => v.RuleFor(x => x.PersonSetting).Must(s => s is nameof(ServiceSetting.Community) or nameof(ServiceSetting.Custody))
            .WithMessage("Select whether the person is in custody or in the community"),
        v => v.RuleFor(x => x.AccessibilityNeeds).SafeText("Accessibility needs", 2000, multiline: true),
        v => v.RuleFor(x => x.RisksToWorkers).SafeText("Risks to workers", 2000, multiline: true),
        v => v.RuleFor(x => x.PreferredWorkerGender).Must(g => ReferralJourney.WorkerGenderLabel(g) is not null)
            .When(x => x.PreferredWorkerGender is not null).WithMessage("Select a preferred gender of worker, or no preference"),
    };

    [BindProperty]
    public NeedsInput Input { get; set; } = new();

    public string PreferredLanguage { get; private set; } = "Not recorded";
    public string InterpreterNeeded { get; private set; } = "Not recorded";

    protected override IEnumerable<(string Question, string? Saved, string? Yours)> Answers =>
    [
        ("Where the person is now", ReferralJourney.SettingLabel(Referral.PersonSetting), ReferralJourney.SettingLabel(ReferralJourney.ParseEnum<ServiceSetting>(Input.PersonSetting))),
        ("Accessibility needs", Referral.AccessibilityNeeds, TextRules.Tidy(Input.AccessibilityNeeds)),
        ("Risks to workers", Referral.RisksToWorkers, TextRules.Tidy(Input.RisksToWorkers)),
        ("Preferred worker", ReferralJourney.WorkerGenderLabel(Referral.PreferredWorkerGender ?? "no-preference"), ReferralJourney.WorkerGenderLabel(Input.PreferredWorkerGender ?? "no-preference")),
    ];

    public async Task OnGetAsync()
    {
        await LoadPersonAsync();
        Input = new NeedsInput
        {
            PersonSetting = Referral.PersonSetting?.ToString(),
            AccessibilityNeeds = Referral.AccessibilityNeeds,
            RisksToWorkers = Referral.RisksToWorkers,
            PreferredWorkerGender = Referral.PreferredWorkerGender,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadPersonAsync();
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        return await SaveAsync(d => d with
        {
            PersonSetting = ReferralJourney.ParseEnum<ServiceSetting>(Input.PersonSetting),
            AccessibilityNeeds = TextRules.Tidy(Input.AccessibilityNeeds),
            RisksToWorkers = TextRules.Tidy(Input.RisksToWorkers),
            PreferredWorkerGender = Input.PreferredWorkerGender is "no-preference" ? null : TextRules.Tidy(Input.PreferredWorkerGender),
        });
    }

    private async Task LoadPersonAsync()
    {
        await LoadAsync();
        var person = await Db.People.AsNoTracking().Where(p => p.Id == Referral.PersonId)
            .Select(p => new { p.Details.PreferredLanguage, p.Details.InterpreterNeeded })
            .SingleOrDefaultAsync(HttpContext.RequestAborted);
        PreferredLanguage = Languages.All.LabelFor(person?.PreferredLanguage) ?? "Not recorded";
        InterpreterNeeded = person?.InterpreterNeeded switch { true => "Yes", false => "No", null => "Not recorded" };
    }

    public sealed class NeedsInput
    {
        public string? PersonSetting { get; set; }
        public string? AccessibilityNeeds { get; set; }
        public string? RisksToWorkers { get; set; }
        public string? PreferredWorkerGender { get; set; }
    }
}
