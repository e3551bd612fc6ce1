using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.ReferenceData;
using Throughcare.Web.Domain.Services;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Services;

[Authorize(Policy = Capabilities.ManageServices)]
public sealed class AddStrandModel(ThroughcareDbContext db, ServiceCatalogue catalogue, CurrentUser user) : PageModel
{
    private static readonly InlineValidator<StrandInput> Validator = new()
    {
        v => v.RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the strand's name").SafeText("Strand name", 200),
        v => v.RuleFor(x => x.WorkerRole).Must(r => JobRoles.All.Contains(r)).WithMessage("Select the worker's role"),
        v => v.RuleFor(x => x.InterventionList).Must(l => Interventions.Lists.Contains(l)).When(x => !string.IsNullOrEmpty(x.InterventionList))
            .WithMessage("Select the list of interventions the strand uses"),
    };

    [BindProperty]
    public StrandInput Input { get; set; } = new();

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> InterventionListItems =>
        Interventions.Lists.Select(l => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(l.Label, l.Code));

    public Guid ServiceId { get; private set; }
    public string ServiceName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid serviceId) => await LoadAsync(serviceId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid serviceId)
    {
        if (!await LoadAsync(serviceId))
        {
            return NotFound();
        }

        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        switch (await catalogue.AddStrandAsync(serviceId, Input.Name!.Trim(), JobRoles.All.Find(Input.WorkerRole)!.Code, Interventions.Lists.Find(Input.InterventionList)?.Code, HttpContext.RequestAborted))
        {
            case ServiceOutcome.Saved:
                return Redirect($"/services/{serviceId}?saved=strand");
            case ServiceOutcome.NameTaken:
                ModelState.AddModelError("Input.Name", "This service already has a strand with this name");
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>Only the organisation that runs the service finds it here.</summary>
    private async Task<bool> LoadAsync(Guid serviceId)
    {
        ServiceId = serviceId;
        var organisationId = user.OrganisationId;
        var name = await db.Services.Where(s => s.Id == serviceId && s.OrganisationId == organisationId).Select(s => s.Name).SingleOrDefaultAsync(HttpContext.RequestAborted);
        ServiceName = name ?? "";
        return name is not null;
    }

    public sealed class StrandInput
    {
        public string? Name { get; set; }
        public string? WorkerRole { get; set; }

        /// <summary>Which interventions its contacts record; left empty, the usual list for the worker's role.</summary>
        public string? InterventionList { get; set; }
    }
}
