using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Referrals;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Web.Pages.Referrals;

[Authorize(Policy = Capabilities.MakeReferrals)]
public sealed class SharingModel(ThroughcareDbContext db, ReferralService referrals, TimeProvider time)
    : ReferralJourneyModel(db, referrals)
{
    [BindProperty]
    public SharingInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input = new SharingInput
        {
            SharingBasis = Referral.SharingBasis?.ToString(),
            ConsentGivenOn = DateParts.From(Referral.ConsentGivenOn),
            SharingNote = Referral.SharingNote,
        };
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
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
            return await ShowAsync(StatusCodes.Status400BadRequest);
        }

        var basis = ReferralJourney.ParseEnum<SharingBasis>(Input.SharingBasis);
        return await SaveAsync(d => d with
        {
            SharingBasis = basis,
            ConsentGivenOn = basis == SharingBasis.Consent && Input.ConsentGivenOn.TryGetDate(out var given) ? given : null,
            SharingNote = TextRules.Tidy(Input.SharingNote),
        }, "check-answers");
    }

    public sealed class SharingInput
    {
        public string? SharingBasis { get; set; }
        public DateParts ConsentGivenOn { get; set; } = new();
        public string? SharingNote { get; set; }
    }
}
