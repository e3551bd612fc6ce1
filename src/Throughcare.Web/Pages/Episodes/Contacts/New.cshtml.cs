using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Web.Domain.Access;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Contacts;

/// <summary>Record a contact, or an attempt at one, on one of the episode's strands.</summary>
[Requires(EpisodeRight.Work)]
public sealed class NewModel(ContactService contacts) : PageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public EpisodeInView InView { get; private set; } = null!;
    public ContactRules Rules { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (SubmissionId == Guid.Empty)
        {
            SubmissionId = Guid.NewGuid();
        }

        if (!Rules.Validate(Input).AddTo(ModelState) || !ModelState.IsValid)
        {
            return Page();
        }

        switch (await contacts.RecordAsync(InView.Id, SubmissionId, Input, HttpContext.RequestAborted))
        {
            case EpisodeOutcome.Done:
                return Redirect($"/episodes/{InView.Id}/contacts?done=recorded");
            case EpisodeOutcome.NotAllowed refused:
                ModelState.AddModelError("Input.Date", refused.Message);
                return Page();
            case EpisodeOutcome.Conflict:
                ModelState.AddModelError("Input.Date", "Someone else changed the episode at the same time. Check the contacts and try again");
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync()
    {
        InView = HttpContext.Record<EpisodeInView>();
        if (await contacts.RulesAsync(InView.Id, HttpContext.RequestAborted) is not { } rules)
        {
            return false;
        }

        Rules = rules;
        return true;
    }
}
