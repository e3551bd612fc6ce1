using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Strands;

/// <summary>A manager adds a strand the episode is not running, with its worker and the reason.</summary>
[Requires(EpisodeRight.Manage)]
public sealed class NewModel(ThroughcareDbContext db, StrandService strands) : PageModel
{
    private static readonly InlineValidator<StrandInput> Validator = new()
    {
        v => v.RuleFor(x => x.ServiceStrandId).NotNull().WithMessage("Select a strand"),
        v => v.RuleFor(x => x.WorkerUserId).NotNull().WithMessage("Select a worker"),
        v => v.RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter the reason for adding the strand").SafeText("Reason", 2000, multiline: true),
    };

    [BindProperty]
    public StrandInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> StrandItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> WorkerItems { get; private set; } = [];

    /// <summary>The strands running now, each with a link to end it.</summary>
    public IReadOnlyList<(Guid Id, string Strand, string Worker)> Running { get; private set; } = [];

    public EpisodeInView InView => HttpContext.Record<EpisodeInView>();

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var result = await strands.AddAsync(new AddStrand
        {
            EpisodeId = InView.Id,
            ServiceStrandId = Input.ServiceStrandId!.Value,
            WorkerUserId = Input.WorkerUserId!.Value,
            Reason = Input.Reason!.Trim(),
        }, HttpContext.RequestAborted);
        return await this.AnswerAsync(result.ForInput(), new WriteAnswer
        {
            Done = _ => RedirectToPage("/Episodes/Index", new { episodeId = InView.Id }),
            Flash = "Strand added",
            RefusedField = "Input.ServiceStrandId",
        });
    }

    private async Task LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var runningRows = await db.EpisodeStrands.Where(s => s.EpisodeId == InView.Id && s.EndedAt == null)
            .Select(s => new
            {
                s.Id,
                s.ServiceStrandId,
                Strand = db.ServiceStrands.Where(x => x.Id == s.ServiceStrandId).Select(x => x.Name).Single(),
                Worker = db.Users.Where(u => u.Id == s.WorkerUserId).Select(u => u.DisplayName).SingleOrDefault(),
            }).ToListAsync(cancellationToken);
        Running = runningRows.Select(r => (r.Id, r.Strand, r.Worker ?? "")).ToList();
        var running = runningRows.Select(r => r.ServiceStrandId).ToList();
        StrandItems = await db.ServiceStrands.Where(s => s.ServiceId == InView.ServiceId && !running.Contains(s.Id)).OrderBy(s => s.Name)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(cancellationToken);
        WorkerItems = await db.Users.Where(u => u.OrganisationId == InView.ServiceOrganisationId && u.DisabledAt == null).OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName, u.Id.ToString())).ToListAsync(cancellationToken);
    }

    public sealed class StrandInput
    {
        public Guid? ServiceStrandId { get; set; }
        public Guid? WorkerUserId { get; set; }
        public string? Reason { get; set; }
    }
}
