using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Web.Pages.Referrals;

[Authorize(Policy = Capabilities.MakeReferrals)]
public sealed class SharingModel(ThroughcareDbContext db, ReferralService referrals, TimeProvider time)
    : ReferralJourneyModel(db, referrals)
{
    [BindProperty]
    public SharingInput Input { get; set; } = new();

    protected override IEnumerable<(string Question, string? Saved, string? Yours)> Answers =>
    [
        ("Lawful basis for sharing", ReferralJourney.SharingLabel(Referral.SharingBasis), ReferralJourney.SharingLabel(ReferralJourney.ParseEnum<SharingBasis>(Input.SharingBasis))),
        ("Consent given on", Referral.ConsentGivenOn is { } saved ? Display.Date(saved) : null, Input.SharingBasis == nameof(SharingBasis.Consent) && Input.ConsentGivenOn.TryGetDate(out var given) ? Display.Date(given) : null),
        ("Sharing note", Referral.SharingNote, TextRules.Tidy(Input.SharingNote)),
    ];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new SharingInput
        {
            SharingBasis = Referral.SharingBasis?.ToString(),
            ConsentGivenOn = DateParts.From(Referral.ConsentGivenOn),
            SharingNote = Referral.SharingNote,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();

        // Consent given today in the UK is in the past, whatever the date in UTC.
        var today = Display.Today(time);
        var validator = new InlineValidator<SharingInput>
        {
            v => v.RuleFor(x => x.SharingBasis).Must(ReferralJourney.IsEnumName<SharingBasis>).WithMessage("Select the lawful basis for sharing this referral"),
            v => v.RuleFor(x => x.ConsentGivenOn).Satisfies(_ => new DateRule("Date consent was given", "Enter the date the person gave consent",
                new DateOnly(2000, 1, 1), today, "Date consent was given must be after 1 January 2000", "Date consent was given must be today or in the past"))
                .When(x => x.SharingBasis == nameof(SharingBasis.Consent)),
            v => v.RuleFor(x => x.SharingNote).SafeText("Note", 2000, multiline: true),
        };
        if (!validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var basis = ReferralJourney.ParseEnum<SharingBasis>(Input.SharingBasis);
        return await SaveAsync(d => d with
        {
            SharingBasis = basis,
            ConsentGivenOn = basis == SharingBasis.Consent && Input.ConsentGivenOn.TryGetDate(out var given) ? given : null,
            SharingNote = TextRules.Tidy(Input.SharingNote),
        });
    }

    public sealed class SharingInput
    {
        public string? SharingBasis { get; set; }
        public DateParts ConsentGivenOn { get; set; } = new();
        public string? SharingNote { get; set; }
    }
}
