using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Pathways;

/// <summary>One pathway: change its name, retire it or bring it back; the list's move buttons post here too.</summary>
public sealed class EditModel(ThroughcareDbContext db, PathwayAdministration administration) : PageModel
{
    [BindProperty]
    public PathwayInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public ResettlementPathway Pathway { get; private set; } = null!;

    /// <summary>On a conflict: the name saved now, and the one this administrator tried to save.</summary>
    public string? Saved { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid pathwayId) => ShowSavedAsync(pathwayId);

    public async Task<IActionResult> OnPostAsync(Guid pathwayId)
    {
        if (!await LoadAsync(pathwayId))
        {
            return NotFound();
        }

        if (!PathwayInput.Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        return await this.AnswerAsync(await administration.RenameAsync(pathwayId, Version, Input.Label!, HttpContext.RequestAborted), new WriteAnswer
        {
            Done = _ => RedirectToPage("/Admin/Pathways/Index"),
            Flash = "Pathway name saved",
            RefusedField = "Input.Label",
            Conflict = async conflict =>
            {
                db.ChangeTracker.Clear();
                await LoadAsync(pathwayId);
                Saved = Pathway.Label;
                Version = Pathway.Version;
            },
        });
    }

    public Task<IActionResult> OnPostUpAsync(Guid pathwayId) => AnswerAsync(pathwayId, administration.MoveAsync(pathwayId, PathwayMove.Up, HttpContext.RequestAborted), "Pathway moved up");

    public Task<IActionResult> OnPostDownAsync(Guid pathwayId) => AnswerAsync(pathwayId, administration.MoveAsync(pathwayId, PathwayMove.Down, HttpContext.RequestAborted), "Pathway moved down");

    public Task<IActionResult> OnPostRetireAsync(Guid pathwayId) => AnswerAsync(pathwayId, administration.SetRetiredAsync(pathwayId, retired: true, HttpContext.RequestAborted), "Pathway retired");

    public Task<IActionResult> OnPostRestoreAsync(Guid pathwayId) => AnswerAsync(pathwayId, administration.SetRetiredAsync(pathwayId, retired: false, HttpContext.RequestAborted), "Pathway brought back into use");

    private async Task<IActionResult> AnswerAsync(Guid pathwayId, Task<WriteResult> write, string flash)
    {
        var result = await write;
        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = _ => RedirectToPage("/Admin/Pathways/Index"),
            Flash = flash,

            // A refusal shows on this pathway's page, with its name as saved.
            Show = () => ShowSavedAsync(pathwayId),
        });
    }

    private async Task<IActionResult> ShowSavedAsync(Guid pathwayId)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(pathwayId))
        {
            return NotFound();
        }

        Input.Label = Pathway.Label;
        Version = Pathway.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid pathwayId)
    {
        var pathway = await db.ResettlementPathways.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pathwayId, HttpContext.RequestAborted);
        if (pathway is null)
        {
            return false;
        }

        Pathway = pathway;
        return true;
    }
}
