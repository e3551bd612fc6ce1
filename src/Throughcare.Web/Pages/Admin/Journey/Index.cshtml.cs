using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Journeys;

namespace Throughcare.Web.Pages.Admin.Journey;

/// <summary>The journey template in force, milestone by milestone, and its versions with how many periods in custody keep each.</summary>
public sealed class IndexModel(JourneyTemplates templates) : PageModel
{
    public JourneyTemplate Current { get; private set; } = null!;
    public IReadOnlyList<(JourneyTemplate Template, int Periods)> Versions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Current = await templates.InForceAsync(HttpContext.RequestAborted);
        Versions = await templates.VersionsAsync(HttpContext.RequestAborted);
    }

    public string Title(string? code) => Current.Milestones.FirstOrDefault(m => m.Code == code)?.Title ?? code ?? "";
}
