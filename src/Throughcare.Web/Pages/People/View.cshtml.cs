using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.People;
using Throughcare.Web.Infrastructure.Database;

namespace Throughcare.Web.Pages.People;

public sealed class ViewModel(ThroughcareDbContext db, AuditLog audit, IAuthorizationService authorization) : PageModel
{
    public Person Person { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanRefer { get; private set; }
    public string? Saved { get; private set; }

    public async Task OnGetAsync(Guid personId, string? saved)
    {
        Person = await db.People.AsNoTracking().Include(p => p.Aliases).SingleAsync(p => p.Id == personId);
        CanEdit = (await authorization.AuthorizeAsync(User, Capabilities.EditPeople)).Succeeded;
        CanRefer = (await authorization.AuthorizeAsync(User, Capabilities.MakeReferrals)).Succeeded;
        Saved = saved switch
        {
            "created" => "Record created",
            "updated" => "Changes saved",
            "alias" => "Alias added",
            "merged" => "Records merged",
            _ => null,
        };
        await audit.RecordReadsAsync(AuditActions.View, [personId], purpose: null, HttpContext.RequestAborted);
    }
}
