using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Access;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Infrastructure.Database;
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

    public EpisodeInView InView { get; private set; } = null!;
    public ContactRules Rules { get; private set; } = null!;
    public Contact Contact { get; private set; } = null!;
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid contactId)
    {
        if (!await LoadAsync(contactId))
        {
            return NotFound();
        }

        Input = ContactInput.From(Contact);
        Version = Contact.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contactId)
    {
        if (!await LoadAsync(contactId))
        {
            return NotFound();
        }

        var inputValid = Rules.Validate(Input).AddTo(ModelState);
        if (!ReasonValidator.Validate(this).AddTo(ModelState, "") || !inputValid || !ModelState.IsValid)
        {
            return Page();
        }

        switch (await contacts.CorrectAsync(InView.Id, contactId, Version, Input, Reason!.Trim(), HttpContext.RequestAborted))
        {
            case EpisodeOutcome.Done:
                return Redirect($"/episodes/{InView.Id}/contacts/{contactId}?done=corrected");
            case EpisodeOutcome.NotAllowed refused:
                ModelState.AddModelError("Input.Date", refused.Message);
                return Page();
            case EpisodeOutcome.Conflict:
                Conflict = true;
                await LoadAsync(contactId);
                ModelState.Clear();
                Input = ContactInput.From(Contact);
                Version = Contact.Version;
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid contactId)
    {
        InView = HttpContext.Record<EpisodeInView>();
        var cancellationToken = HttpContext.RequestAborted;
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId && c.EpisodeId == InView.Id, cancellationToken);
        if (contact is null)
        {
            return false;
        }

        if (await contacts.RulesAsync(InView.Id, cancellationToken, contact) is not { } rules)
        {
            return false;
        }

        Contact = contact;
        Rules = rules;
        return true;
    }
}
