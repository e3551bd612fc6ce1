using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Access;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Strands;

/// <summary>A manager ends one strand with a reason; the episode and its other strands carry on.</summary>
[Requires(EpisodeRight.Manage)]
public sealed class EndModel(ThroughcareDbContext db, StrandService strands) : PageModel
{
    private static readonly InlineValidator<EndInput> Validator = new()
    {
        v => v.RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter the reason for ending the strand").SafeText("Reason", 2000, multiline: true),
    };

    [BindProperty]
    public EndInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    [FromRoute]
    public Guid StrandId { get; set; }

    public string StrandName { get; private set; } = "";
    public string WorkerName { get; private set; } = "";
    public bool Conflict { get; private set; }

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(keepVersion: false))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(keepVersion: true))
        {
            return NotFound();
        }

        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var outcome = await strands.EndAsync(new EndStrand { EpisodeId = InView.Id, StrandId = StrandId, Version = Version, Reason = Input.Reason!.Trim() }, HttpContext.RequestAborted);
        switch (outcome)
        {
            case EpisodeOutcome.Done:
                return Redirect($"/episodes/{InView.Id}?done=strand-ended");
            case EpisodeOutcome.Conflict:
                Conflict = true;
                ModelState.Clear();
                await LoadAsync(keepVersion: false);
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
            case EpisodeOutcome.NotAllowed refused:
                ModelState.AddModelError("Input.Reason", refused.Message);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(bool keepVersion)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var strand = await db.EpisodeStrands.AsNoTracking().SingleOrDefaultAsync(s => s.Id == StrandId && s.EpisodeId == InView.Id && s.EndedAt == null, cancellationToken);
        if (strand is null)
        {
            return false;
        }

        StrandName = await db.ServiceStrands.Where(s => s.Id == strand.ServiceStrandId).Select(s => s.Name).SingleAsync(cancellationToken);
        WorkerName = await db.Users.Where(u => u.Id == strand.WorkerUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "";
        if (!keepVersion)
        {
            Version = await db.Episodes.Where(e => e.Id == InView.Id).Select(e => e.Version).SingleAsync(cancellationToken);
        }

        return true;
    }

    public sealed class EndInput
    {
        public string? Reason { get; set; }
    }
}
