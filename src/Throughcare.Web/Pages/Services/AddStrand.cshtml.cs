using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Services;

/// <summary>Only administrators of the organisation that runs the service find it here; anyone else gets 404 from the route filters.</summary>
[Authorize(Policy = Capabilities.ManageServices)]
[Requires(ServiceRight.Manage)]
public sealed class AddStrandModel(ServiceCatalogue catalogue) : PageModel
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

    public static IEnumerable<SelectListItem> InterventionListItems => Interventions.Lists.Select(l => new SelectListItem(l.Label, l.Code));

    public ServiceInView Service => HttpContext.Service();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var result = await catalogue.AddStrandAsync(Service.Id, Input.Name!.Trim(), JobRoles.All.Find(Input.WorkerRole)!.Code, Interventions.Lists.Find(Input.InterventionList)?.Code, HttpContext.RequestAborted);
        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = id => RedirectToPage("/Services/View", new { serviceId = id }),
            Flash = "Strand added",
            RefusedField = "Input.Name",
        });
    }

    public sealed class StrandInput
    {
        public string? Name { get; set; }
        public string? WorkerRole { get; set; }

        /// <summary>Which interventions its contacts record; left empty, the usual list for the worker's role.</summary>
        public string? InterventionList { get; set; }
    }
}
