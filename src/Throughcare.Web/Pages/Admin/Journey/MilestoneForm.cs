using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.Pages.Episodes;

namespace Throughcare.Web.Pages.Admin.Journey;

/// <summary>Adding or changing one milestone of the journey template, which publishes a new version of it.</summary>
public abstract class MilestoneFormModel(JourneyTemplates templates) : PageModel
{
    [BindProperty]
    public MilestoneDefinitionInput Input { get; set; } = new();

    /// <summary>The version in force when the form was shown: a version published since then is a conflict.</summary>
    [BindProperty]
    public int Version { get; set; }

    public JourneyTemplate Current { get; private set; } = null!;

    protected JourneyTemplates Templates => templates;

    /// <summary>The milestone being changed; none when adding one.</summary>
    protected abstract string? Code { get; }

    public IEnumerable<SelectListItem> AnchorItems =>
        Enum.GetValues<MilestoneAnchor>().Select(a => new SelectListItem(
            a == MilestoneAnchor.Milestone ? "Another milestone being done" : Capital(JourneyPlanner.AnchorLabel(new MilestoneDefinition { Code = "", Title = "", Anchor = a })), a.ToString()));

    public IEnumerable<SelectListItem> FollowItems => Current.Milestones.Where(m => m.Code != Code).Select(m => new SelectListItem(m.Title, m.Code));

    public static IEnumerable<SelectListItem> UnitItems => [new("Calendar days", nameof(OffsetUnit.CalendarDays)), new("Working days (England and Wales)", nameof(OffsetUnit.WorkingDays))];

    public static IEnumerable<SelectListItem> OwnerKindItems =>
        [new("The allocated worker", nameof(MilestoneOwnerKind.AllocatedWorker)), new("An organisation of a kind", nameof(MilestoneOwnerKind.OrganisationKind)), new("Staff in a role", nameof(MilestoneOwnerKind.Role))];

    public static IEnumerable<SelectListItem> OwnerItems =>
        Enum.GetValues<OrganisationKind>().Select(k => new SelectListItem(OrganisationKinds.Label(k), k.ToString()))
            .Concat(StaffRoles.All.Select(r => new SelectListItem("Role: " + StaffRoles.Label(r), r)));

    public static IEnumerable<SelectListItem> YesNoItems => [new("Yes", "true"), new("No", "false")];

    public static IEnumerable<SelectListItem> BoroughItems => Core.Domain.ReferenceData.Boroughs.All.Select(b => new SelectListItem(b.Label, b.Code));

    protected async Task LoadAsync()
    {
        Current = await templates.InForceAsync(HttpContext.RequestAborted);
        Version = Current.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var shown = Version;
        await LoadAsync();
        Version = shown;
        if (!templates.Validate(Input, Current.Milestones, Code).AddTo(ModelState))
        {
            return Page();
        }

        return await this.AnswerAsync((await templates.SaveAsync(Code, Version, Input, HttpContext.RequestAborted)).ForInput(), Answer("Journey template saved as a new version"));
    }

    protected WriteAnswer Answer(string flash) => new()
    {
        Done = _ => RedirectToPage("/Admin/Journey/Index"),
        Flash = flash,
        Show = async () =>
        {
            await LoadAsync();
            return Page();
        },
    };

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
