using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Referrals;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Security;

namespace Throughcare.Web.Pages.Referrals;

[Authorize(Policy = Capabilities.MakeReferrals)]
public sealed class CheckAnswersModel(ThroughcareDbContext db, ReferralService referrals)
    : ReferralJourneyModel(db, referrals)
{
    public IReadOnlyList<(string Page, string Message)> MissingAnswers => ReferralService.MissingAnswers(Referral);

    public IReadOnlyList<string> MissingDocuments => ReferralService.MissingDocuments(Referral.Service!, Referral.Documents);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? await ShowAsync() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var outcome = await Referrals.SubmitAsync(Referral.Id, Version, HttpContext.RequestAborted);
        return await AfterAsync(outcome, $"/referrals/{Referral.Id}?saved=sent");
    }
}
