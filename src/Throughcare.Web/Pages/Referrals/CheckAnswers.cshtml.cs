using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Referrals;
using Throughcare.Web.Infrastructure.Database;

namespace Throughcare.Web.Pages.Referrals;

[Authorize(Policy = Capabilities.MakeReferrals)]
public sealed class CheckAnswersModel(ThroughcareDbContext db, ReferralService referrals)
    : ReferralJourneyModel(db, referrals)
{
    public IReadOnlyList<(string Page, string Message)> MissingAnswers => ReferralService.MissingAnswers(Referral);

    public IReadOnlyList<string> MissingDocuments => ReferralService.MissingDocuments(Referral.Service!, Referral.Documents);

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var result = await Referrals.SubmitAsync(Referral.Id, Version, HttpContext.RequestAborted);
        return await AnswerAsync(result, "/Referrals/View", "Referral sent");
    }
}
