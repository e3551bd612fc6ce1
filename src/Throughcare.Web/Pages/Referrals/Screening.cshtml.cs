using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Access;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.ReferenceData;
using Throughcare.Web.Domain.Referrals;
using Throughcare.Web.Domain.Services;
using Throughcare.Web.Infrastructure.Database;
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
        v => v.RuleFor(x => x.Reason).NotNull().WithMessage("Select a reason for declining the referral").When(x => x.Outcome == Decline),
        v => v.RuleFor(x => x.ReasonText).NotEmpty().WithMessage("Enter the reason for declining the referral")
            .When(x => x.Outcome == Decline && x.Reason == ReferralCloseReason.Other),
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
    public string ReferrerOrganisation { get; private set; } = "";
    public IReadOnlyList<RuleResult> Checklist { get; private set; } = [];
    public IReadOnlyList<string> MissingDocuments { get; private set; } = [];
    public string? AwaitingNote { get; private set; }

    /// <summary>Set when someone else changed the referral first: the page shows what is saved now.</summary>
    public bool Conflict { get; private set; }

    public static IEnumerable<SelectListItem> DecisionItems =>
    [
        new("Accept the referral", Accept),
        new("Decline the referral", Decline),
        new("Ask the referrer for more information", RequestInformation),
    ];

    public static IEnumerable<SelectListItem> ReasonItems =>
        Enum.GetValues<ReferralCloseReason>().Select(r => new SelectListItem(ReferralStates.Label(r), r.ToString()));

    public IEnumerable<SelectListItem> RuleItems =>
        Checklist.Where(r => r.Outcome != RuleOutcome.Met && Referral.Overrides.All(o => o.Rule != r.Rule)).Select(r => new SelectListItem(r.Label, r.Rule));

    private ReferralInView InView => HttpContext.Record<ReferralInView>();

    public async Task<IActionResult> OnGetAsync() => await ShowAsync(keepInput: false);

    public async Task<IActionResult> OnPostStartAsync()
    {
        var outcome = await referrals.StartScreeningAsync(InView.Id, Version, HttpContext.RequestAborted);
        return await AfterAsync(outcome, "Decision.Outcome", async () =>
        {
            var state = await db.Referrals.Where(r => r.Id == InView.Id).Select(r => r.State).SingleAsync(HttpContext.RequestAborted);
            return state == ReferralState.AwaitingInformation ? "documents-missing" : "screening";
        });
    }

    public async Task<IActionResult> OnPostOverrideAsync()
    {
        if (!OverrideValidator.Validate(Override).AddTo(ModelState, nameof(Override)))
        {
            return await ShowAsync(keepInput: true);
        }

        var outcome = await referrals.OverrideRuleAsync(InView.Id, Version, Override.Rule!, Override.Reason!.Trim(), HttpContext.RequestAborted);
        return await AfterAsync(outcome, "Override.Rule", () => Task.FromResult("override"));
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
        var outcome = Decision.Outcome switch
        {
            Accept => await referrals.AcceptAsync(InView.Id, Version, notes, cancellation),
            Decline => await referrals.DeclineAsync(InView.Id, Version, Decision.Reason!.Value, text, notes, cancellation),
            _ => await referrals.RequestInformationAsync(InView.Id, Version, Decision.Message!.Trim(), cancellation),
        };
        return await AfterAsync(outcome, "Decision.Outcome", () => Task.FromResult(Decision.Outcome!));
    }

    private async Task<IActionResult> AfterAsync(ReferralOutcome outcome, string errorKey, Func<Task<string>> done)
    {
        switch (outcome)
        {
            case ReferralOutcome.Done when Decision.Outcome == Decline:
                // Declining ends the service's role in the person's care, so the manager goes back to the sift.
                TempData.SetFlash($"Referral declined. {HttpContext.PersonHeader()?.Name} is no longer visible to your organisation.");
                return RedirectToPage("/Services/Sift", new { serviceId = InView.ServiceId });
            case ReferralOutcome.Done:
                return Redirect($"/referrals/{InView.Id}/screening?done={await done()}");
            case ReferralOutcome.Conflict:
                Conflict = true;
                await ShowAsync(keepInput: false);
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
            case ReferralOutcome.NotAllowed refused:
                ModelState.AddModelError(errorKey, refused.Message);
                return await ShowAsync(keepInput: true);
            default:
                return NotFound();
        }
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
        ReferrerOrganisation = await db.Organisations.Where(o => o.Id == Referral.ReferringOrganisationId).Select(o => o.Name).SingleOrDefaultAsync(cancellation) ?? "";
        Checklist = person is null ? [] : Eligibility.Evaluate(Referral.Service!, person, Referral.PersonSetting, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        MissingDocuments = ReferralService.MissingDocuments(Referral.Service!, Referral.Documents).Select(d => DocumentTypes.All.LabelFor(d) ?? d).ToList();
        AwaitingNote = Referral.State == ReferralState.AwaitingInformation
            ? Referral.Transitions.Where(t => t.To == ReferralState.AwaitingInformation).OrderByDescending(t => t.At).FirstOrDefault()?.Note
            : null;
        if (!keepInput)
        {
            Version = Referral.Version;
            Decision.Notes ??= Referral.ScreeningNotes;
        }

        if (Conflict)
        {
            ModelState.Clear();
            Decision = new DecisionInput { Notes = Referral.ScreeningNotes };
            Override = new OverrideInput();
        }

        return Page();
    }

    public ScreeningOverride? OverrideFor(string rule) => Referral.Overrides.Where(o => o.Rule == rule).OrderByDescending(o => o.At).FirstOrDefault();

    public sealed class DecisionInput
    {
        public string? Outcome { get; set; }
        public ReferralCloseReason? Reason { get; set; }
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
