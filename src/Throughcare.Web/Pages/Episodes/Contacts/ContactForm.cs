using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Contacts;

/// <summary>The choices on the contact forms, from the episode's strands and the controlled lists.</summary>
public static class ContactForm
{
    public static IEnumerable<SelectListItem> ModeItems =>
        Enum.GetValues<ContactMode>().Select(m => new SelectListItem(EpisodeStates.Label(m), m.ToString()));

    public static IEnumerable<SelectListItem> AttendanceItems =>
        Enum.GetValues<Attendance>().Select(a => new SelectListItem(EpisodeStates.Label(a), a.ToString()));

    public static IEnumerable<SelectListItem> PathwayItems(ContactRules rules) =>
        rules.Pathways.Select(p => new SelectListItem(p.Label, p.Code));

    public static IEnumerable<SelectListItem> StrandItems(ContactRules rules) =>
        rules.Strands.Select(s => new SelectListItem(s.Name, s.ServiceStrandId.ToString()));

    /// <summary>
    /// Each controlled list once, grouped under the strands that use it (no script needed to match strand and list),
    /// the list of the selected strand first.
    /// </summary>
    public static IEnumerable<SelectListItem> InterventionItems(ContactRules rules, Guid? selectedStrandId) =>
        rules.Strands.GroupBy(s => s.InterventionList)
            .OrderByDescending(list => list.Any(s => s.ServiceStrandId == selectedStrandId))
            .SelectMany(list =>
            {
                var group = new SelectListGroup { Name = $"{string.Join(" and ", list.Select(s => s.Name))} strand" };
                return list.First().InterventionItems.Select(i => new SelectListItem(i.Label, i.Code) { Group = group });
            });

    /// <summary>A contact's answers as the conflict page compares them, with labels.</summary>
    public static IEnumerable<(string Field, string? Value)> Labelled(ContactInput input, ContactRules rules) =>
    [
        ("Date and time", input.OccurredAt() is { } at ? Display.DateTime(at) : null),
        ("Length", input.Minutes() is { } minutes ? $"{minutes.ToString(CultureInfo.InvariantCulture)} minutes" : null),
        ("How", input.Mode is { } mode ? EpisodeStates.Label(mode) : null),
        ("Strand", rules.Strand(input.StrandId)?.Name),
        ("Attendance", input.Attendance is { } attendance ? EpisodeStates.Label(attendance) : null),
        ("Interventions", input.Interventions.Count == 0 ? "None" : string.Join(", ", input.Interventions.Select(Interventions.Label))),
        ("Resettlement pathways", input.Pathways.Count == 0 ? "None" : string.Join(", ", input.Pathways.Select(p => rules.Pathways.LabelFor(p) ?? p))),
        ("Case note", input.Note),
        ("Note restricted", input.NoteRestricted ? "Yes" : "No"),
        ("Re-engagement attempt", input.IsReengagementAttempt ? "Yes" : "No"),
    ];

    /// <summary>What a viewer who may not read restricted notes sees instead of one.</summary>
    public const string RestrictedText = "This note is restricted";
}
