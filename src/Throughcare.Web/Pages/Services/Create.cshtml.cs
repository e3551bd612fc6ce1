using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Services;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Services;

[Authorize(Policy = Capabilities.ManageServices)]
public sealed class CreateModel(ServiceCatalogue catalogue) : PageModel
{
    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public void OnGet()
    {
        SubmissionId = Guid.NewGuid();
        Input = ServiceInput.New();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (SubmissionId == Guid.Empty)
        {
            SubmissionId = Guid.NewGuid();
        }

        Input.CompleteDocuments();
        if (!ServiceInput.Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var outcome = await catalogue.CreateAsync(Input.ToDefinition(), SubmissionId, HttpContext.RequestAborted);
        if (outcome is ServiceOutcome.Saved saved)
        {
            return Redirect($"/services/{saved.ServiceId}?saved=created");
        }

        ModelState.AddModelError("Input.Name", "Your organisation already runs a service with this name");
        return Page();
    }
}
