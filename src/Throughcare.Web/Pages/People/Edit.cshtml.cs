using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.People;

[Authorize(Policy = Capabilities.EditPeople)]
[Requires(PersonRight.Edit)]
public sealed class EditModel(ThroughcareDbContext db, PersonService people, TimeProvider time) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    /// <summary>On a conflict: each field where the saved version (From) differs from this editor's (To).</summary>
    public IReadOnlyList<FieldChange>? Conflict { get; private set; }

    public async Task OnGetAsync(Guid personId)
    {
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == personId);
        Input = PersonInput.From(person.Details);
        Version = person.Version;
    }

    public async Task<IActionResult> OnPostAsync(Guid personId)
    {
        if (!PersonInput.CreateValidator(Display.Today(time)).Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var mine = Input.ToDetails();
        return await this.AnswerAsync(await people.UpdateAsync(new UpdatePerson { PersonId = personId, Version = Version, Details = mine }, HttpContext.RequestAborted), new WriteAnswer
        {
            Done = _ => RedirectToPage("/People/View", new { personId }),
            Flash = "Changes saved",
            Conflict = conflict =>
            {
                // The table shows what is saved now; the form keeps this editor's own input, under the saved version.
                var saved = (SavedPerson)conflict.Current!;
                Conflict = PersonFieldDisplay.Labelled(FieldChanges.Compare(saved.Details, mine));
                Version = saved.Version;
                return Task.CompletedTask;
            },
        });
    }
}
