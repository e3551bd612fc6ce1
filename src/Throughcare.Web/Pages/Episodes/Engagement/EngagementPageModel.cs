using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Engagement;

/// <summary>What the engagement forms share: the episode in view, its version, and how a write's result becomes the answer.</summary>
public abstract class EngagementPageModel(ThroughcareDbContext db) : PageModel
{
    [BindProperty]
    public Guid Version { get; set; }

    /// <summary>Set when someone else changed the episode first: what is saved now beside what the user asked for.</summary>
    public ConflictView? Conflict { get; private set; }

    /// <summary>The reason for the episode's latest change of state as saved now, for a conflict's rows.</summary>
    private string? _savedReason;

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    protected ThroughcareDbContext Db => db;

    /// <summary>Loads what the form shows; keepInput false is the first showing, with the saved values.</summary>
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

    /// <summary>
    /// Answers a change: back to the engagement page with its banner, the form again with a refusal, or, when someone
    /// else changed the episode first, the form with the user's own answers beside what is saved now (the rows compare
    /// the saved episode with what the user asked for).
    /// </summary>
    protected Task<IActionResult> AnswerAsync(WriteResult result, string refusedField, string flash, Func<Episode, IEnumerable<(string Field, string? Saved, string? Yours)>>? conflict = null) =>
        this.AnswerAsync(result, new WriteAnswer
        {
            Done = _ => RedirectToPage("/Episodes/Engagement/Index", new { episodeId = InView.Id }),
            Flash = flash,
            RefusedField = refusedField,
            Show = () => ShowAsync(),
            Conflict = conflict is null ? null : async _ =>
            {
                var saved = await db.Episodes.AsNoTracking().SingleAsync(e => e.Id == InView.Id, HttpContext.RequestAborted);
                Version = saved.Version;
                _savedReason = await db.EpisodeTransitions.Where(t => t.EpisodeId == InView.Id).OrderByDescending(t => t.At)
                    .Select(t => t.Reason).FirstOrDefaultAsync(HttpContext.RequestAborted);
                await LoadAsync(keepInput: true);
                Conflict = ConflictView.Of("The episode", conflict(saved));
            },
        });

    /// <summary>
    /// The conflict rows for a change of state: the state saved now and the one the user asked for, and with the user's
    /// reason, the reason saved for the latest change beside it (two people can move an episode to the same state).
    /// </summary>
    protected Func<Episode, IEnumerable<(string, string?, string?)>> StateBecomes(string yours, string? yourReason = null) =>
        saved => yourReason is null
            ? [("State", EpisodeStates.Label(saved.State), yours)]
            : [("State", EpisodeStates.Label(saved.State), yours), ("Reason", _savedReason, yourReason)];
}
