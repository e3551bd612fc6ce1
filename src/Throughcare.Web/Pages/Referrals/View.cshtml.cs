using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Referrals;

public sealed class ViewModel(ThroughcareDbContext db, ReferralService referrals, TimeProvider time) : PageModel
{
    private static readonly InlineValidator<WithdrawInput> Validator = new()
    {
        v => v.RuleFor(x => x.Reason).Must(ReferralJourney.IsEnumName<ReferralCloseReason>).WithMessage("Select a reason for withdrawing the referral"),
        v => v.RuleFor(x => x.ReasonText).NotEmpty().When(x => x.Reason == nameof(ReferralCloseReason.Other)).WithMessage("Enter the reason for withdrawing the referral"),
        v => v.RuleFor(x => x.ReasonText).SafeText("Reason for withdrawing", 2000, multiline: true),
    };

    public ReferralInView InView { get; private set; } = null!;
    public Referral Referral { get; private set; } = null!;
    public string PersonName { get; private set; } = "";
    public string? ReferredBy { get; private set; }
    public string? ReferringOrganisation { get; private set; }
    public IReadOnlyDictionary<Guid, string> StaffNames { get; private set; } = new Dictionary<Guid, string>();
    public int? DaysToDecision { get; private set; }
    public bool CanEdit => InView.May(ReferralRight.Edit);
    public bool CanWithdraw => InView.May(ReferralRight.Withdraw);

    /// <summary>The episode the referral's allocation opened, when there is one: its state is shared with the referrer.</summary>
    public Guid? EpisodeId { get; private set; }

    /// <summary>Set when someone else changed the referral first: the page shows it as saved now, with the user's reason kept.</summary>
    public bool Conflict { get; private set; }

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public WithdrawInput Input { get; set; } = new();

    public Task OnGetAsync() => LoadAsync();

    [Requires(ReferralRight.Withdraw)]
    public async Task<IActionResult> OnPostWithdrawAsync()
    {
        await LoadAsync();
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var result = await referrals.WithdrawAsync(Referral.Id, Version, Enum.Parse<ReferralCloseReason>(Input.Reason!), TextRules.Tidy(Input.ReasonText), HttpContext.RequestAborted);
        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = id => RedirectToPage("/Referrals/View", new { referralId = id }),
            Flash = "Referral withdrawn",
            Conflict = async _ =>
            {
                Conflict = true;
                Version = Guid.Empty;
                await LoadAsync();
            },
        });
    }

    private async Task LoadAsync()
    {
        InView = HttpContext.Record<ReferralInView>();
        Referral = await db.Referrals.AsNoTracking().AsSplitQuery()
            .Include(r => r.Service)
            .Include(r => r.Documents)
            .Include(r => r.Transitions)
            .Include(r => r.Overrides)
            .SingleAsync(r => r.Id == InView.Id, HttpContext.RequestAborted);
        if (Version == Guid.Empty)
        {
            Version = Referral.Version;
        }

        PersonName = HttpContext.PersonHeader()?.Name ?? "";

        var staffIds = Referral.Transitions.Select(t => t.ByUserId).Append(Referral.CreatedByUserId).Append(Referral.DecidedByUserId)
            .Concat(Referral.Overrides.Select(o => (Guid?)o.ByUserId)).OfType<Guid>().Distinct().ToList();
        StaffNames = await db.Users.IgnoreQueryFilters().Where(u => staffIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, HttpContext.RequestAborted);
        ReferredBy = StaffNames.GetValueOrDefault(Referral.CreatedByUserId);
        ReferringOrganisation = await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == Referral.ReferringOrganisationId)
            .Select(o => o.Name).SingleOrDefaultAsync(HttpContext.RequestAborted);
        DaysToDecision = Referral.DaysToDecision(time.GetUtcNow().UtcDateTime);
        EpisodeId = await db.Episodes.Where(e => e.ReferralId == Referral.Id).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(HttpContext.RequestAborted);
    }

    public string StaffName(Guid? id) => id is { } known && StaffNames.TryGetValue(known, out var name) ? name : "Throughcare";

    public sealed class WithdrawInput
    {
        public string? Reason { get; set; }
        public string? ReasonText { get; set; }
    }
}
