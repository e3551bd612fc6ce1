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

    public async Task OnGetAsync()
    {
        await LoadAsync();
        SubmissionId = Guid.NewGuid();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (SubmissionId == Guid.Empty)
        {
            SubmissionId = Guid.NewGuid();
        }

        if (!Rules.Validate(Input).AddTo(ModelState) || !ModelState.IsValid)
        {
            return Page();
        }

        return await this.AnswerAsync((await contacts.RecordAsync(InView.Id, SubmissionId, Input, HttpContext.RequestAborted)).ForInput(), new WriteAnswer
        {
            Done = _ => RedirectToPage("/Episodes/Contacts/Index", new { episodeId = InView.Id }),
            Flash = "Contact recorded",
            RefusedField = "Input.Date",
        });
    }

    private async Task LoadAsync()
    {
        InView = HttpContext.Record<EpisodeInView>();
        Rules = await contacts.RulesAsync(InView.Id, HttpContext.RequestAborted) ?? throw new InvalidOperationException("The record gate opened an episode that cannot be read.");
    }
}
