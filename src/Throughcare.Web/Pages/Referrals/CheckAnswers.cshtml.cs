using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Web.Pages.Referrals;

[Authorize(Policy = Capabilities.MakeReferrals)]
public sealed class CheckAnswersModel(ThroughcareDbContext db, ReferralService referrals)
    : ReferralJourneyModel(db, referrals)
{
    public IReadOnlyList<(string Page, string Message)> MissingAnswers => ReferralService.MissingAnswers(Referral);

    public IReadOnlyList<string> MissingDocuments => ReferralService.MissingDocuments(Referral.Service!, Referral.Documents);

    /// <summary>A referral or episode that already holds the person's place with the service: sending this one is refused.</summary>
    public OpenPlace? AlreadyOpen { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        AlreadyOpen = await OpenCare.FindAsync(Db, Referral.PersonId, Referral.ServiceId, Referral.Id, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var result = await Referrals.SubmitAsync(Referral.Id, Version, HttpContext.RequestAborted);
        if (result is WriteResult.Refused)
        {
            AlreadyOpen = await OpenCare.FindAsync(Db, Referral.PersonId, Referral.ServiceId, Referral.Id, HttpContext.RequestAborted);
        }

        return await AnswerAsync(result, "/Referrals/View", "Referral sent");
    }
}
