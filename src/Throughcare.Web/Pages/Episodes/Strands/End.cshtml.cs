using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
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
    public ConflictView? Conflict { get; private set; }

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    public async Task<IActionResult> OnGetAsync()
    {
        var strand = await LoadAsync();
        if (strand.EndedAt is not null)
        {
            return NotFound();
        }

        Version = await VersionAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var result = await strands.EndAsync(new EndStrand { EpisodeId = InView.Id, StrandId = StrandId, Version = Version, Reason = Input.Reason!.Trim() }, HttpContext.RequestAborted);
        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = _ => RedirectToPage("/Episodes/Index", new { episodeId = InView.Id }),
            Flash = "Strand ended",
            RefusedField = "Input.Reason",
            Conflict = async _ =>
            {
                var saved = await LoadAsync();
                Version = await VersionAsync();
                Conflict = ConflictView.Of("The episode", ($"{StrandName} strand", saved.EndedAt is { } ended ? $"Ended on {Display.DateTime(ended)}" : "Running", "Ended"));
            },
        });
    }

    /// <summary>The strand as saved now, with its name and worker.</summary>
    private async Task<EpisodeStrand> LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var strand = await db.EpisodeStrands.AsNoTracking().SingleAsync(s => s.Id == StrandId && s.EpisodeId == InView.Id, cancellationToken);
        StrandName = await db.ServiceStrands.Where(s => s.Id == strand.ServiceStrandId).Select(s => s.Name).SingleAsync(cancellationToken);
        WorkerName = await db.Users.Where(u => u.Id == strand.WorkerUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "";
        return strand;
    }

    private Task<Guid> VersionAsync() => db.Episodes.Where(e => e.Id == InView.Id).Select(e => e.Version).SingleAsync(HttpContext.RequestAborted);

    public sealed class EndInput
    {
        public string? Reason { get; set; }
    }
}
