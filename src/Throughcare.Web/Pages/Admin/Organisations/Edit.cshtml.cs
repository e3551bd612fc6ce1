using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Organisations;

/// <summary>An organisation's details; AdministrationRouteFilter lets only those who may edit it here.</summary>
public sealed class EditModel(ThroughcareDbContext db, OrganisationService organisations) : PageModel
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>On a conflict: the details saved now, and the ones this administrator tried to save.</summary>
    public OrganisationDetails? Conflict { get; private set; }
    public OrganisationDetails? Mine { get; private set; }

    public async Task OnGetAsync(Guid organisationId)
    {
        OrganisationId = organisationId;
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId);
        Input = OrganisationInput.From(new OrganisationDetails(organisation.Name, organisation.Kind, organisation.RequireTwoFactor, organisation.Borough));
        Version = organisation.Version;
    }

    public async Task<IActionResult> OnPostAsync(Guid organisationId)
    {
        OrganisationId = organisationId;
        if (!OrganisationInput.Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var mine = Input.ToDetails();
        return await this.AnswerAsync(await organisations.UpdateAsync(organisationId, Version, mine, HttpContext.RequestAborted), new WriteAnswer
        {
            Done = _ => RedirectToPage("/Admin/Organisations/View", new { organisationId }),
            Flash = "Organisation details saved",
            RefusedField = "Input.Name",
            Conflict = conflict =>
            {
                // The table shows what is saved now; the form keeps what this administrator entered, under the saved version.
                var saved = (SavedOrganisation)conflict.Current!;
                (Mine, Conflict) = (mine, saved.Details);
                Version = saved.Version;
                return Task.CompletedTask;
            },
        });
    }
}
