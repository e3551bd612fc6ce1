using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Services;

/// <summary>Only administrators of the organisation that runs the service find it here; anyone else gets 404 from the route filters.</summary>
[Authorize(Policy = Capabilities.ManageServices)]
[Requires(ServiceRight.Manage)]
public sealed class EditModel(ThroughcareDbContext db, ServiceCatalogue catalogue) : PageModel
{
    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public Guid ServiceId => HttpContext.Service().Id;

    /// <summary>Set when someone else saved first: each setting that differs, as saved now and as the user entered it.</summary>
    public IReadOnlyList<ServiceDisplay.Difference>? ConflictRows { get; private set; }

    public async Task OnGetAsync()
    {
        var service = await LoadAsync();
        Input = ServiceInput.From(ServiceInput.Definition(service));
        Version = service.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.CompleteDocuments();
        if (!ServiceInput.Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var mine = Input.ToDefinition();
        var result = await catalogue.UpdateAsync(ServiceId, Version, mine, HttpContext.RequestAborted);
        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = id => RedirectToPage("/Services/View", new { serviceId = id }),
            Flash = "Service details saved",
            RefusedField = "Input.Name",
            Conflict = async _ =>
            {
                // The user's own answers stay on the form, against the saved version: saving again replaces theirs.
                var current = await LoadAsync();
                ConflictRows = ServiceDisplay.Differences(ServiceInput.Definition(current), mine);
                Version = current.Version;
            },
        });
    }

    private Task<Service> LoadAsync() =>
        db.Services.AsNoTracking().Include(s => s.Documents).SingleAsync(s => s.Id == ServiceId, HttpContext.RequestAborted);
}
