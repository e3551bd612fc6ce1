using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.People;

[Authorize(Policy = Capabilities.EditPeople)]
[Requires(PersonRight.Edit)]
public sealed class AddAliasModel(PersonService people) : PageModel
{
    private static readonly InlineValidator<AliasInput> Validator = new()
    {
        v => v.RuleFor(x => x.GivenName).NotEmpty().WithMessage("Enter a first name").SafeText("First name", 100),
        v => v.RuleFor(x => x.FamilyName).NotEmpty().WithMessage("Enter a last name").SafeText("Last name", 100),
    };

    [BindProperty]
    public AliasInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(Guid personId)
    {
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        return await this.AnswerAsync(await people.AddAliasAsync(personId, Input.GivenName!.Trim(), Input.FamilyName!.Trim(), HttpContext.RequestAborted), new WriteAnswer
        {
            Done = _ => RedirectToPage("/People/View", new { personId }),
            Flash = "Alias added",
        });
    }

    public sealed class AliasInput
    {
        public string? GivenName { get; set; }
        public string? FamilyName { get; set; }
    }
}
