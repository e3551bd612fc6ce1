using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.ReferenceData;

namespace Throughcare.Web.Pages.Admin.Pathways;

/// <summary>The partnership's resettlement pathways, in the order forms show them, retired ones included.</summary>
public sealed class IndexModel(PathwayCatalogue pathways) : PageModel
{
    public IReadOnlyList<Pathway> Pathways { get; private set; } = [];

    public async Task OnGetAsync() => Pathways = (await pathways.GetAsync(HttpContext.RequestAborted)).All;
}
