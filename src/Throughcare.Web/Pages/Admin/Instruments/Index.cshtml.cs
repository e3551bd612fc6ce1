using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Instruments;

/// <summary>The instruments services can use: those Throughcare ships and the organisation's own, which it can retire.</summary>
public sealed class IndexModel(InstrumentCatalogueService catalogue, CurrentUser user) : PageModel
{
    public sealed record Row(Guid Id, string Code, string Name, bool Shipped, bool Retired, int Items, string? Source);

    public IReadOnlyList<Row> Instruments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (user.OrganisationId is not { } organisationId)
        {
            return NotFound();
        }

        var instruments = await catalogue.For(organisationId, includeRetired: true).AsNoTracking()
            .OrderBy(i => i.OrganisationId != null).ThenBy(i => i.Name).ToListAsync(HttpContext.RequestAborted);
        Instruments = [.. instruments.Select(i =>
        {
            var definition = InstrumentDefinition.Parse(i.Definition).Definition;
            return new Row(i.Id, i.Code, i.Name, i.OrganisationId is null, i.Retired, definition?.Items.Count ?? 0, definition?.Source);
        })];
        return Page();
    }

    public Task<IActionResult> OnPostRetireAsync(Guid instrumentId) => SetRetiredAsync(instrumentId, retired: true);

    public Task<IActionResult> OnPostUnretireAsync(Guid instrumentId) => SetRetiredAsync(instrumentId, retired: false);

    private async Task<IActionResult> SetRetiredAsync(Guid instrumentId, bool retired)
    {
        if (await catalogue.SetRetiredAsync(instrumentId, retired, HttpContext.RequestAborted) is not InstrumentOutcome.Saved)
        {
            return NotFound();
        }

        TempData.SetFlash(retired ? "Instrument retired" : "Instrument brought back into use");
        return RedirectToPage("/Admin/Instruments/Index");
    }
}
