using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Organisations;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Organisations;

/// <summary>A partnership administrator adds an organisation to the partnership; its administrator comes next.</summary>
[Authorize(Policy = Capabilities.AdministerPartnership)]
public sealed class CreateModel(OrganisationService organisations) : PageModel
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public void OnGet()
    {
        SubmissionId = Guid.NewGuid();
        Input.RequireTwoFactor = "no";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (SubmissionId == Guid.Empty)
        {
            SubmissionId = Guid.NewGuid();
        }

        if (!OrganisationInput.Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        switch (await organisations.CreateAsync(Input.ToDetails(), SubmissionId, HttpContext.RequestAborted))
        {
            case OrganisationOutcome.Saved saved:
                return Redirect($"/admin/organisations/{saved.OrganisationId}?saved=created");
            case OrganisationOutcome.NameTaken:
                ModelState.AddModelError("Input.Name", "An organisation with this name already exists");
                return Page();
            default:
                return NotFound();
        }
    }
}
