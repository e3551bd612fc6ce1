using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Engagement;

/// <summary>What the engagement forms share: the episode in view, its version, and how an outcome becomes a response.</summary>
public abstract class EngagementPageModel(ThroughcareDbContext db) : PageModel
{
    [BindProperty]
    public Guid Version { get; set; }

    /// <summary>Set when someone else changed the episode first: the form shows what is saved now.</summary>
    public bool Conflict { get; private set; }

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    protected ThroughcareDbContext Db => db;

    protected string EngagementPath => $"/episodes/{InView.Id}/engagement";

    /// <summary>Loads what the form shows; keepInput false also resets the version to the saved one.</summary>
    protected virtual Task LoadAsync(bool keepInput) => Task.CompletedTask;

    protected async Task<IActionResult> ShowAsync(bool keepInput = true)
    {
        if (!keepInput)
        {
            Version = await db.Episodes.Where(e => e.Id == InView.Id).Select(e => e.Version).SingleAsync(HttpContext.RequestAborted);
        }

        await LoadAsync(keepInput);
        return Page();
    }

    protected async Task<IActionResult> AfterAsync(EpisodeOutcome outcome, string errorKey, string done)
    {
        switch (outcome)
        {
            case EpisodeOutcome.Done:
                return Redirect($"{EngagementPath}?done={done}");
            case EpisodeOutcome.Conflict:
                Conflict = true;
                ModelState.Clear();
                await ShowAsync(keepInput: false);
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
            case EpisodeOutcome.NotAllowed refused:
                ModelState.AddModelError(errorKey, refused.Message);
                return await ShowAsync();
            default:
                return NotFound();
        }
    }
}
