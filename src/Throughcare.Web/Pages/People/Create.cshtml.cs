using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.People;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.People;

[Authorize(Policy = Capabilities.EditPeople)]
public sealed class CreateModel(PersonService people, ReadAudit reads, TimeProvider time) : PageModel
{
    public const string SubmissionUsed = "This form has already been used. Check the details and select Create record to add this person";

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

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!PersonInput.CreateValidator(today).Validate(Input).AddTo(ModelState))
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
                return Redirect($"/people/{created}?saved=created");
            }

            if (Duplicates.Count > 0)
            {
                reads.ShownPeople(Duplicates.Select(d => d.PersonId), AuditActions.DuplicateCheck, null);
                return Page();
            }
        }

        var personId = await people.CreateAsync(new CreatePerson { Details = details, SubmissionId = SubmissionId }, HttpContext.RequestAborted);
        if (personId is null)
        {
            // The form's submission id is on a record this user cannot see (a tampered or replayed form): show the form
            // again with a fresh id, so that sending it creates the record once.
            SubmissionId = Guid.NewGuid();
            ModelState.AddModelError(string.Empty, SubmissionUsed);
            return Page();
        }

        return Redirect($"/people/{personId}?saved=created");
    }
}
