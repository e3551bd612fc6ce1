using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Contacts;

/// <summary>Correct a contact: the earlier version is kept, with who replaced it, when and why.</summary>
[Requires(EpisodeRight.Work)]
public sealed class CorrectModel(ThroughcareDbContext db, ContactService contacts) : PageModel
{
    private static readonly InlineValidator<CorrectModel> ReasonValidator = new()
    {
        v => v.RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter the reason for the correction").SafeText("Reason for the correction", 2000, multiline: true),
    };

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [FromRoute]
    public Guid ContactId { get; set; }

    public EpisodeInView InView { get; private set; } = null!;
    public ContactRules Rules { get; private set; } = null!;
    public Contact Contact { get; private set; } = null!;
    public ConflictView? Conflict { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = ContactInput.From(Contact);
        Version = Contact.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var inputValid = Rules.Validate(Input).AddTo(ModelState);
        if (!ReasonValidator.Validate(this).AddTo(ModelState, "") || !inputValid || !ModelState.IsValid)
        {
            return Page();
        }

        var result = await contacts.CorrectAsync(InView.Id, ContactId, Version, Input, Reason!.Trim(), HttpContext.RequestAborted);
        return await this.AnswerAsync(result.ForInput(), new WriteAnswer
        {
            Done = _ => RedirectToPage("/Episodes/Contacts/View", new { episodeId = InView.Id, contactId = ContactId }),
            Flash = "Contact corrected",
            RefusedField = "Input.Date",
            Conflict = async _ =>
            {
                await LoadAsync();
                Version = Contact.Version;
                var saved = ContactForm.Labelled(ContactInput.From(Contact), Rules);
                Conflict = ConflictView.Of("The contact", saved.Zip(ContactForm.Labelled(Input, Rules), (s, yours) => (s.Field, s.Value, yours.Value)));
            },
        });
    }

    /// <summary>The contact as saved now, and the rules a correction of it is checked against.</summary>
    private async Task LoadAsync()
    {
        InView = HttpContext.Record<EpisodeInView>();
        var cancellationToken = HttpContext.RequestAborted;
        Contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == ContactId && c.EpisodeId == InView.Id, cancellationToken);
        Rules = await contacts.RulesAsync(InView.Id, cancellationToken, Contact) ?? throw new InvalidOperationException("The record gate opened an episode that cannot be read.");
    }
}
