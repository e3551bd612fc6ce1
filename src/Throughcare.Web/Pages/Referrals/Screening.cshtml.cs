using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Referrals;

/// <summary>The receiving manager's screening of one referral: start, the eligibility checklist, overrides and the decision.</summary>
[Authorize(Policy = Capabilities.ScreenReferrals)]
[Requires(ReferralRight.Screen)]
public sealed class ScreeningModel(ThroughcareDbContext db, ReferralService referrals, TimeProvider time) : PageModel
{
    public const string Accept = "accept";
    public const string Decline = "decline";
    public const string RequestInformation = "request-information";

    private static readonly InlineValidator<DecisionInput> DecisionValidator = new()
    {
        v => v.RuleFor(x => x.Outcome).NotEmpty().WithMessage("Select a decision")
            .Must(o => o is Accept or Decline or RequestInformation).WithMessage("Select a decision"),
        v => v.RuleFor(x => x.Reason).Must(ReferralJourney.IsEnumName<ReferralCloseReason>).WithMessage("Select a reason for declining the referral").When(x => x.Outcome == Decline),
        v => v.RuleFor(x => x.ReasonText).NotEmpty().WithMessage("Enter the reason for declining the referral")
            .When(x => x.Outcome == Decline && x.Reason == nameof(ReferralCloseReason.Other)),
        v => v.RuleFor(x => x.ReasonText).SafeText("Reason", 2000, multiline: true),
        v => v.RuleFor(x => x.Message).NotEmpty().WithMessage("Enter the information you need from the referrer").When(x => x.Outcome == RequestInformation),
        v => v.RuleFor(x => x.Message).SafeText("Information needed", 2000, multiline: true),
        v => v.RuleFor(x => x.Notes).SafeText("Screening notes", 4000, multiline: true),
    };

    private static readonly InlineValidator<OverrideInput> OverrideValidator = new()
    {
        v => v.RuleFor(x => x.Rule).NotEmpty().WithMessage("Select the rule to override"),
        v => v.RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter why the rule should be treated as met").SafeText("Reason", 2000, multiline: true),
    };

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    [BindProperty]
    public OverrideInput Override { get; set; } = new();

    public Referral Referral { get; private set; } = default!;
    public string PersonName { get; private set; } = "";

    /// <summary>Whether the person's record is open to the user, so the page may link to it.</summary>
    public bool PersonVisible { get; private set; }
    public string ReferrerOrganisation { get; private set; } = "";
    public IReadOnlyList<RuleResult> Checklist { get; private set; } = [];
    public IReadOnlyList<string> MissingDocuments { get; private set; } = [];
    public string? AwaitingNote { get; private set; }

    /// <summary>Set when someone else changed the referral first: the page shows what is saved now and keeps the user's input.</summary>
    public bool Conflict { get; private set; }

    /// <summary>After a conflict, what is saved now beside what the user's own decision would have made it.</summary>
    public IReadOnlyList<FieldChange> Differences { get; private set; } = [];

    public static IEnumerable<SelectListItem> DecisionItems =>
    [
        new("Accept the referral", Accept),
        new("Decline the referral", Decline),
        new("Ask the referrer for more information", RequestInformation),
    ];

    public IEnumerable<SelectListItem> RuleItems =>
        Checklist.Where(r => r.Outcome != RuleOutcome.Met && Referral.Overrides.All(o => o.Rule != r.Rule)).Select(r => new SelectListItem(r.Label, r.Rule));

    private ReferralInView InView => HttpContext.Record<ReferralInView>();

    public async Task<IActionResult> OnGetAsync() => await ShowAsync(keepInput: false);

    public async Task<IActionResult> OnPostStartAsync()
    {
        var result = await referrals.StartScreeningAsync(InView.Id, Version, HttpContext.RequestAborted);
        var awaiting = result is WriteResult.Done
            && await db.Referrals.Where(r => r.Id == InView.Id).Select(r => r.State).SingleAsync(HttpContext.RequestAborted) == ReferralState.AwaitingInformation;
        return await AnswerAsync(result, "Decision.Outcome", awaiting
            ? "The referral is missing required documents. It is now awaiting information and the referrer has been e-mailed."
            : "Screening started");
    }

    public async Task<IActionResult> OnPostOverrideAsync()
    {
        await ShowAsync(keepInput: true);

        // Saved by someone else since the form was loaded: the conflict page, before the rule list that their save changed.
        if (Version != Referral.Version)
        {
            return await AnswerAsync(new WriteResult.Conflict(), "Override.Rule", "");
        }

        // Only a rule of this service's checklist that is not met, and not overridden already, may be overridden.
        if (OverrideValidator.Validate(Override).AddTo(ModelState, nameof(Override)) && RuleItems.All(r => r.Value != Override.Rule))
        {
            ModelState.AddModelError("Override.Rule", "Select the rule to override");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await referrals.OverrideRuleAsync(InView.Id, Version, Override.Rule!, Override.Reason!.Trim(), HttpContext.RequestAborted);
        return await AnswerAsync(result, "Override.Rule", "Override recorded");
    }

    public async Task<IActionResult> OnPostDecideAsync()
    {
        if (!DecisionValidator.Validate(Decision).AddTo(ModelState, nameof(Decision)))
        {
            return await ShowAsync(keepInput: true);
        }

        var notes = string.IsNullOrWhiteSpace(Decision.Notes) ? null : Decision.Notes.Trim();
        var text = string.IsNullOrWhiteSpace(Decision.ReasonText) ? null : Decision.ReasonText.Trim();
        var cancellation = HttpContext.RequestAborted;
        if (Decision.Outcome == Decline)
        {
            var declined = await referrals.DeclineAsync(InView.Id, Version, ReferralJourney.ParseEnum<ReferralCloseReason>(Decision.Reason)!.Value, text, notes, cancellation);

            // Declining ends the role in the person's care the referral gave, so the manager goes back to the sift.
            var stillVisible = declined is WriteResult.Done && await db.People.AnyAsync(p => p.Id == InView.PersonId, cancellation);
            return await AnswerAsync(declined, "Decision.Outcome",
                stillVisible ? "Referral declined" : $"Referral declined. {HttpContext.PersonHeader()?.Name} is no longer visible to your organisation.",
                _ => RedirectToPage("/Services/Sift", new { serviceId = InView.ServiceId }));
        }

        var result = Decision.Outcome == Accept
            ? await referrals.AcceptAsync(InView.Id, Version, notes, cancellation)
            : await referrals.RequestInformationAsync(InView.Id, Version, Decision.Message!.Trim(), cancellation);
        return await AnswerAsync(result, "Decision.Outcome", Decision.Outcome == Accept ? "Referral accepted" : "The referrer has been asked for more information");
    }

    /// <summary>Back to this page with the outcome, to the form with the reason it was refused, or to what is saved now with the user's input kept.</summary>
    private Task<IActionResult> AnswerAsync(WriteResult result, string errorKey, string flash, Func<Guid, IActionResult>? done = null) =>
        this.AnswerAsync(result, new WriteAnswer
        {
            Done = done ?? (id => RedirectToPage("/Referrals/Screening", new { referralId = id })),
            Flash = flash,
            RefusedField = errorKey,
            Show = () => ShowAsync(keepInput: true),
            Conflict = async _ =>
            {
                Conflict = true;
                await ShowAsync(keepInput: true);
                Differences = DifferencesFromSaved();
            },
        });

    private List<FieldChange> DifferencesFromSaved()
    {
        string? yours = Decision.Outcome switch
        {
            Accept => ReferralStates.Label(ReferralState.Accepted),
            Decline => ReferralStates.Label(ReferralState.Declined),
            RequestInformation => ReferralStates.Label(ReferralState.AwaitingInformation),
            _ => null,
        };
        List<FieldChange> differences = [new("State", ReferralStates.Label(Referral.State), yours ?? ReferralStates.Label(Referral.State))];
        if (Decision.Outcome is not null)
        {
            differences.Add(new("Screening notes", Referral.ScreeningNotes, TextRules.Tidy(Decision.Notes)));
        }

        if (Override.Rule is { } rule)
        {
            var label = Checklist.FirstOrDefault(r => r.Rule == rule)?.Label ?? rule;
            differences.Add(new($"Why “{label}” is treated as met", Referral.Overrides.FirstOrDefault(o => o.Rule == rule)?.Reason, TextRules.Tidy(Override.Reason)));
        }

        return differences.Where(d => d.From != d.To).ToList();
    }

    private async Task<IActionResult> ShowAsync(bool keepInput)
    {
        var cancellation = HttpContext.RequestAborted;
        Referral = await db.Referrals.AsNoTracking()
            .Include(r => r.Service).ThenInclude(s => s!.Documents)
            .Include(r => r.Documents)
            .Include(r => r.Overrides)
            .Include(r => r.Transitions)
            .SingleAsync(r => r.Id == InView.Id, cancellation);
        var person = await db.People.AsNoTracking().Where(p => p.Id == Referral.PersonId).Select(p => p.Details).SingleOrDefaultAsync(cancellation);
        PersonName = person is null ? "Not available" : $"{person.GivenName} {person.FamilyName}";
        PersonVisible = person is not null;
        ReferrerOrganisation = await db.Organisations.Where(o => o.Id == Referral.ReferringOrganisationId).Select(o => o.Name).SingleOrDefaultAsync(cancellation) ?? "";
        Checklist = person is null ? [] : Eligibility.Evaluate(Referral.Service!, person, Referral.PersonSetting, Display.Today(time));
        MissingDocuments = ReferralService.MissingDocuments(Referral.Service!, Referral.Documents).Select(d => DocumentTypes.All.LabelFor(d) ?? d).ToList();
        AwaitingNote = Referral.State == ReferralState.AwaitingInformation
            ? Referral.Transitions.Where(t => t.To == ReferralState.AwaitingInformation).OrderByDescending(t => t.At).FirstOrDefault()?.Note
            : null;

        // After a conflict the forms take the saved version, so that saving again replaces what is saved now.
        if (!keepInput || Conflict)
        {
            Version = Referral.Version;
        }

        if (!keepInput)
        {
            Decision.Notes ??= Referral.ScreeningNotes;
        }

        return Page();
    }

    /// <summary>Whether the user may go on to allocate workers: the referral is accepted and not yet allocated.</summary>
    public bool CanAllocate => Referral.State == ReferralState.Accepted && Referral.AllocatedAt is null && InView.May(ReferralRight.Allocate);

    public ScreeningOverride? OverrideFor(string rule) => Referral.Overrides.Where(o => o.Rule == rule).OrderByDescending(o => o.At).FirstOrDefault();

    public sealed class DecisionInput
    {
        public string? Outcome { get; set; }
        public string? Reason { get; set; }
        public string? ReasonText { get; set; }
        public string? Message { get; set; }
        public string? Notes { get; set; }
    }

    public sealed class OverrideInput
    {
        public string? Rule { get; set; }
        public string? Reason { get; set; }
    }
}
