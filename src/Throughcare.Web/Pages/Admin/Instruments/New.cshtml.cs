using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Instruments;

/// <summary>Adds one of the organisation's licensed instruments as a JSON definition: no code needed.</summary>
public sealed class NewModel(InstrumentCatalogueService catalogue) : PageModel
{
    private static readonly InlineValidator<InstrumentInput> Validator = new()
    {
        v => v.RuleFor(x => x.Code).NotEmpty().WithMessage("Enter a short code for the instrument")
            .MaximumLength(40).WithMessage("Code must be 40 characters or fewer")
            .Matches("^[A-Za-z0-9][A-Za-z0-9-]*$").WithMessage("Code must use only letters, numbers and hyphens, for example CORE-10"),
        v => v.RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the instrument's name").SafeText("Name", 200),
        v => v.RuleFor(x => x.Definition).NotEmpty().WithMessage("Enter the instrument's definition as JSON")
            .MaximumLength(100_000).WithMessage("Definition must be 100,000 characters or fewer")
            .SafeText("Definition", 100_000, multiline: true),
    };

    [BindProperty]
    public InstrumentInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Validator.Validate(Input).AddTo(ModelState) || !ModelState.IsValid)
        {
            return Page();
        }

        switch (await catalogue.AddAsync(new AddInstrument { Code = Input.Code!, Name = Input.Name!, Definition = Input.Definition! }, HttpContext.RequestAborted))
        {
            case InstrumentOutcome.Saved:
                TempData.SetFlash("Instrument added");
                return RedirectToPage("/Admin/Instruments/Index");
            case InstrumentOutcome.CodeTaken:
                ModelState.AddModelError("Input.Code", "An instrument with this code already exists: choose another code");
                return Page();
            case InstrumentOutcome.Invalid invalid:
                // The summary links one message per field: the first goes with the field, the rest are listed as well.
                ModelState.AddModelError("Input.Definition", invalid.Errors[0]);
                foreach (var error in invalid.Errors.Skip(1))
                {
                    ModelState.AddModelError(string.Empty, error);
                }

                return Page();
            default:
                return NotFound();
        }
    }

    public sealed class InstrumentInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Definition { get; set; }
    }
}
