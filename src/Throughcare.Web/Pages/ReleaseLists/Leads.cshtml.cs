using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.ReleaseLists;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.Pages.Episodes;

namespace Throughcare.Web.Pages.ReleaseLists;

/// <summary>The people a borough's release list goes to, many without a Throughcare account; managers and administrators keep them.</summary>
public sealed class LeadsModel(ReleaseListReader reader, ReleaseListService lists, CurrentUser user) : BoroughPageModel(reader)
{
    [BindProperty]
    public BoroughLeadInput Input { get; set; } = new();

    public IReadOnlyList<BoroughLead> Leads { get; private set; } = [];

    public bool MayKeep => ReleaseListService.MayKeepLeads(user);

    public async Task OnGetAsync() => Leads = await lists.LeadsAsync(Borough, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        Leads = await lists.LeadsAsync(Borough, HttpContext.RequestAborted);
        if (!ReleaseListService.LeadValidator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        return await this.AnswerAsync((await lists.AddLeadAsync(Borough, Input, HttpContext.RequestAborted)).ForInput(), new WriteAnswer
        {
            Done = _ => RedirectToPage("/ReleaseLists/Leads", new { borough = Borough }),
            Flash = "Lead added",
        });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid leadId)
    {
        Leads = await lists.LeadsAsync(Borough, HttpContext.RequestAborted);
        return await this.AnswerAsync(await lists.RemoveLeadAsync(Borough, leadId, HttpContext.RequestAborted), new WriteAnswer
        {
            Done = _ => RedirectToPage("/ReleaseLists/Leads", new { borough = Borough }),
            Flash = "Lead removed",
        });
    }
}
