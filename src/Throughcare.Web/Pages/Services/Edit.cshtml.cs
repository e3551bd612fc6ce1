using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Services;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Services;

/// <summary>Only administrators of the organisation that runs the service find it here; anyone else gets 404.</summary>
[Authorize(Policy = Capabilities.ManageServices)]
public sealed class EditModel(ThroughcareDbContext db, ServiceCatalogue catalogue, CurrentUser user) : PageModel
{
    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public Guid ServiceId { get; private set; }
    public IReadOnlyList<ServiceDisplay.Difference>? ConflictRows { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid serviceId)
    {
        ServiceId = serviceId;
        var service = await LoadAsync(serviceId);
        if (service is null)
        {
            return NotFound();
        }

        Input = ServiceInput.From(ServiceInput.Definition(service));
        Version = service.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid serviceId)
    {
        ServiceId = serviceId;
        Input.CompleteDocuments();
        if (!ServiceInput.Validator.Validate(Input).AddTo(ModelState))
        {
            return await LoadAsync(serviceId) is null ? NotFound() : Page();
        }

        var mine = Input.ToDefinition();
        switch (await catalogue.UpdateAsync(serviceId, Version, mine, HttpContext.RequestAborted))
        {
            case ServiceOutcome.Saved:
                return Redirect($"/services/{serviceId}?saved=updated");
            case ServiceOutcome.Conflict when await LoadAsync(serviceId) is { } current:
                var theirs = ServiceInput.Definition(current);
                ConflictRows = ServiceDisplay.Differences(theirs, mine);
                ModelState.Clear();
                Input = ServiceInput.From(theirs);
                Version = current.Version;
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
            case ServiceOutcome.NameTaken:
                ModelState.AddModelError("Input.Name", "Your organisation already runs a service with this name");
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<Service?> LoadAsync(Guid serviceId)
    {
        var organisationId = user.OrganisationId;
        return await db.Services.AsNoTracking().Include(s => s.Documents)
            .SingleOrDefaultAsync(s => s.Id == serviceId && s.OrganisationId == organisationId, HttpContext.RequestAborted);
    }
}
