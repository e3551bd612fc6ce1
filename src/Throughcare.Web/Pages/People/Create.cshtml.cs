using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.People;

[Authorize(Policy = Capabilities.EditPeople)]
public sealed class CreateModel(PersonService people, ReadAudit reads, TimeProvider time) : PageModel
{
    public const string Created = "Record created";

    [BindProperty]
    public PersonInput Input { get; set; } = new() { IsPpo = "no" };

    [BindProperty]
    public Guid SubmissionId { get; set; }

    [BindProperty]
    public bool ConfirmedNotDuplicate { get; set; }

    public IReadOnlyList<LikelyDuplicate> Duplicates { get; private set; } = [];

    public void OnGet() => SubmissionId = Guid.NewGuid();

    public async Task<IActionResult> OnPostAsync()
    {
        if (SubmissionId == Guid.Empty)
        {
            SubmissionId = Guid.NewGuid();
        }

        if (!PersonInput.CreateValidator(Display.Today(time)).Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var details = Input.ToDetails();
        if (!ConfirmedNotDuplicate)
        {
            Duplicates = await people.FindLikelyDuplicatesAsync(details, null, HttpContext.RequestAborted);

            // A repeated submission finds the record it created itself: answer with that record, not a warning.
            if (Duplicates.Count > 0 && await people.FindBySubmissionAsync(SubmissionId, HttpContext.RequestAborted) is { } created)
            {
                TempData.SetFlash(Created);
                return RedirectToPage("/People/View", new { personId = created });
            }

            if (Duplicates.Count > 0)
            {
                reads.ShownPeople(Duplicates.Select(d => d.PersonId), AuditActions.DuplicateCheck, null);
                return Page();
            }
        }

        return await this.AnswerAsync(await people.CreateAsync(new CreatePerson { Details = details, SubmissionId = SubmissionId }, HttpContext.RequestAborted), new WriteAnswer
        {
            Done = personId => RedirectToPage("/People/View", new { personId }),
            Flash = Created,
            Show = () =>
            {
                // The form's submission id is on a record this user cannot see (a tampered or replayed form): show the
                // form again with a fresh id, so that sending it creates the record once.
                SubmissionId = Guid.NewGuid();
                return Task.FromResult<IActionResult>(Page());
            },
        });
    }
}
