using Microsoft.AspNetCore.Mvc.Rendering;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Domain.ReferenceData;

namespace Throughcare.Web.Pages.Episodes.Contacts;

/// <summary>The choices on the contact forms, from the episode's strands and the controlled lists.</summary>
public static class ContactForm
{
    public static IEnumerable<SelectListItem> ModeItems =>
        Enum.GetValues<ContactMode>().Select(m => new SelectListItem(EpisodeStates.Label(m), m.ToString()));

    public static IEnumerable<SelectListItem> AttendanceItems =>
        Enum.GetValues<Attendance>().Select(a => new SelectListItem(EpisodeStates.Label(a), a.ToString()));

    public static IEnumerable<SelectListItem> PathwayItems =>
        ResettlementPathways.All.Select(p => new SelectListItem(p.Label, p.Code));

    public static IEnumerable<SelectListItem> StrandItems(ContactRules rules) =>
        rules.Strands.Select(s => new SelectListItem(s.Name, s.ServiceStrandId.ToString()));

    /// <summary>Each controlled list once, headed by the strands that use it: no script needed to match strand and list.</summary>
    public static IEnumerable<SelectListItem> InterventionItems(ContactRules rules) =>
        rules.Strands.GroupBy(s => s.InterventionList).SelectMany(list =>
            new[] { new SelectListItem($"{string.Join(" and ", list.Select(s => s.Name))} strand", null) }
                .Concat(list.First().InterventionItems.Select(i => new SelectListItem(i.Label, i.Code))));

    /// <summary>What a viewer who may not read restricted notes sees instead of one.</summary>
    public const string RestrictedText = "This note is restricted";
}
