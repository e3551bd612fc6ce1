using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Services;
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

        var result = await catalogue.CreateAsync(Input.ToDefinition(), SubmissionId, HttpContext.RequestAborted);
        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = id => RedirectToPage("/Services/View", new { serviceId = id }),
            Flash = "Service added",
            RefusedField = "Input.Name",
            Show = () =>
            {
                // A used submission id is refused; the form comes back with a fresh one, so sending it again adds one service.
                SubmissionId = Guid.NewGuid();
                ModelState.Remove(nameof(SubmissionId));
                return Task.FromResult<IActionResult>(Page());
            },
        });
    }
}
