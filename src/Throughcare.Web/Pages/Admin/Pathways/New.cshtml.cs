using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Pathways;

/// <summary>Adds a resettlement pathway at the end of the lists; its code is made from its name and never changes.</summary>
public sealed class NewModel(PathwayAdministration administration) : PageModel
{
    [BindProperty]
    public PathwayInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!PathwayInput.Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        return await this.AnswerAsync(await administration.AddAsync(Input.Label!, HttpContext.RequestAborted), new WriteAnswer
        {
            Done = _ => RedirectToPage("/Admin/Pathways/Index"),
            Flash = "Pathway added",
            RefusedField = "Input.Label",
        });
    }
}
