using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.People;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.People;

/// <summary>Whether the person agrees to appointment reminders, and whether by email or text message.</summary>
[Authorize(Policy = Capabilities.EditPeople)]
[Requires(PersonRight.Edit)]
public sealed class RemindersModel(ReminderPreferences preferences) : PageModel
{
    public const string Email = "email";
    public const string TextMessage = "text-message";

    private static readonly InlineValidator<ReminderInput> Validator = new()
    {
        v => v.RuleFor(x => x.Consents).NotEmpty().WithMessage("Select whether they agree to appointment reminders")
            .Must(c => c is "yes" or "no").WithMessage("Select whether they agree to appointment reminders"),
        v => v.RuleFor(x => x.Channel).NotEmpty().When(x => x.Consents == "yes").WithMessage(ReminderPreferences.ChooseChannel),
        v => v.RuleFor(x => x.Channel).Must(c => c is null or Email or TextMessage).WithMessage(ReminderPreferences.ChooseChannel),
    };

    public static IEnumerable<SelectListItem> ConsentItems => [new("Yes", "yes"), new("No", "no")];

    public IEnumerable<SelectListItem> ChannelItems =>
    [
        new(SavedEmail is null ? "Email (none recorded)" : $"Email to {SavedEmail}", Email),
        new(SavedPhone is null ? "Text message (no number recorded)" : $"Text message to {SavedPhone}", TextMessage),
    ];

    [BindProperty]
    public ReminderInput Input { get; set; } = new();

    [BindProperty]
    public Guid? Version { get; set; }

    public string? SavedEmail { get; private set; }
    public string? SavedPhone { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid personId)
    {
        var saved = await LoadAsync(personId);
        if (saved is null)
        {
            return NotFound();
        }

        Version = saved.Version;
        Input = new ReminderInput
        {
            Consents = saved.Version is null ? null : saved.Consents ? "yes" : "no",
            Channel = saved.Channel switch { ReminderChannel.Email => Email, ReminderChannel.TextMessage => TextMessage, _ => null },
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid personId)
    {
        if (await LoadAsync(personId) is null)
        {
            return NotFound();
        }

        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var result = await preferences.SetAsync(new SetReminderPreference
        {
            PersonId = personId,
            Version = Version,
            Consents = Input.Consents == "yes",
            Channel = Input.Channel switch { Email => ReminderChannel.Email, TextMessage => ReminderChannel.TextMessage, _ => null },
        }, HttpContext.RequestAborted);
        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = _ => RedirectToPage("/People/View", new { personId }),
            Flash = "Appointment reminders saved",
        });
    }

    private async Task<SavedReminderPreference?> LoadAsync(Guid personId)
    {
        var saved = await preferences.FindAsync(personId, HttpContext.RequestAborted);
        SavedEmail = string.IsNullOrWhiteSpace(saved?.Email) ? null : saved.Email;
        SavedPhone = string.IsNullOrWhiteSpace(saved?.Phone) ? null : saved.Phone;
        return saved;
    }

    public sealed class ReminderInput
    {
        public string? Consents { get; set; }
        public string? Channel { get; set; }
    }
}
