using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Organisations;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Organisations;

public sealed class EditModel(ThroughcareDbContext db, OrganisationService organisations) : PageModel
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public Guid OrganisationId { get; private set; }
    public OrganisationDetails? Conflict { get; private set; }
    public OrganisationDetails? Mine { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid organisationId)
    {
        OrganisationId = organisationId;
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId);
        if (organisation is null)
        {
            return NotFound();
        }

        Input = OrganisationInput.From(new OrganisationDetails(organisation.Name, organisation.Kind, organisation.RequireTwoFactor));
        Version = organisation.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid organisationId)
    {
        OrganisationId = organisationId;
        if (!OrganisationInput.Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var outcome = await organisations.UpdateAsync(organisationId, Version, Input.ToDetails(), HttpContext.RequestAborted);
        switch (outcome)
        {
            case OrganisationOutcome.Saved:
                return Redirect($"/admin/organisations/{organisationId}?saved=updated");
            case OrganisationOutcome.Conflict conflict:
                Mine = Input.ToDetails();
                Conflict = conflict.Current;
                ModelState.Clear();
                Input = OrganisationInput.From(conflict.Current);
                Version = conflict.CurrentVersion;
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
            case OrganisationOutcome.NameTaken:
                ModelState.AddModelError("Input.Name", "An organisation with this name already exists");
                return Page();
            default:
                return NotFound();
        }
    }
}
