using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.Pages.Admin.Users;

namespace Throughcare.Web.Pages.Admin.Organisations;

/// <summary>
/// A partnership administrator gives an organisation without an administrator its first one, who then adds the rest of
/// its staff, or makes someone a partnership administrator. Nothing here shows anyone's records or the organisation's staff.
/// </summary>
[Authorize(Policy = Capabilities.AdministerPartnership)]
public sealed class AddAdministratorModel(ThroughcareDbContext db, UserAdministration administration, AdministrationScope scope) : PageModel
{
    public IReadOnlyList<SelectListItem> RoleItems { get; private set; } = [];
    public bool HasAdministrator { get; private set; }

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public Guid OrganisationId { get; private set; }
    public string Organisation { get; private set; } = "";

    public async Task OnGetAsync(Guid organisationId)
    {
        await LoadAsync(organisationId);
        Input.Roles = [HasAdministrator ? StaffRoles.PartnershipAdministrator : StaffRoles.Administrator];
    }

    public async Task<IActionResult> OnPostAsync(Guid organisationId)
    {
        await LoadAsync(organisationId);
        if (!UserInput.Validator(creating: true).Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var details = new StaffUserDetails
        {
            DisplayName = Input.DisplayName!.Trim(),
            Email = Input.Email!.Trim(),
            OrganisationId = organisationId,
            Roles = Input.Roles.Distinct().ToList(),
        };
        return await this.AnswerAsync((await administration.CreateAsync(details, Input.Password!, HttpContext.RequestAborted)).InForm("Input"), new WriteAnswer
        {
            Done = _ => RedirectToPage("/Admin/Organisations/View", new { organisationId }),
            Flash = "Administrator added",
        });
    }

    private async Task LoadAsync(Guid organisationId)
    {
        OrganisationId = organisationId;
        Organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(HttpContext.RequestAborted);
        HasAdministrator = await scope.HasAdministratorAsync(organisationId, HttpContext.RequestAborted);
        var grantable = await scope.GrantableRolesAsync(organisationId, HttpContext.RequestAborted);
        RoleItems = UserInput.RoleItems(AdministrationScope.PartnershipGrants.Intersect(grantable));
    }
}
