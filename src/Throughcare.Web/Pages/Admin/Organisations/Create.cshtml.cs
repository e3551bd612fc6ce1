using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Organisations;
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

        return await this.AnswerAsync(await organisations.CreateAsync(Input.ToDetails(), SubmissionId, HttpContext.RequestAborted), new WriteAnswer
        {
            Done = organisationId => RedirectToPage("/Admin/Organisations/View", new { organisationId }),
            Flash = "Organisation added",
            RefusedField = "Input.Name",
        });
    }
}
