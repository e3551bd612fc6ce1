using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.Pages.Episodes;

namespace Throughcare.Web.Pages.Referrals;

/// <summary>
/// Allocating an accepted referral: the ranked workers per strand with their reasons, the manager's choice (and why,
/// when it is not the top suggestion), then the episode's strands and workers, with reallocation keeping history.
/// </summary>
[Authorize(Policy = Capabilities.ScreenReferrals)]
[Requires(ReferralRight.Allocate)]
public sealed class AllocationModel(ThroughcareDbContext db, ReferralService referrals, StrandService strandService) : PageModel
{
    private static readonly InlineValidator<ReallocateInput> ReallocateValidator = new()
    {
        v => v.RuleFor(x => x.WorkerId).NotNull().WithMessage("Select a new worker"),
        v => v.RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter the reason for the change of worker").SafeText("Reason", 2000, multiline: true),
    };

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public List<StrandChoice> Strands { get; set; } = [];

    [BindProperty]
    public ReallocateInput Reallocate { get; set; } = new();

    public Referral Referral { get; private set; } = default!;
    public string PersonName { get; private set; } = "";
    public IReadOnlyList<StrandOption> Options { get; private set; } = [];
    public IReadOnlyList<AllocatedStrand> Allocated { get; private set; } = [];
    public bool Conflict { get; private set; }

    /// <summary>After a conflict, each strand's worker and reason as saved now beside the manager's own choice.</summary>
    public IReadOnlyList<FieldChange> Differences { get; private set; } = [];

    /// <summary>The episode the referral opened, if any; reallocation is made against its version.</summary>
    public EpisodeVersion? Episode { get; private set; }

    /// <summary>Set when the episode changed before a change of worker was saved: what is saved now beside the user's choice.</summary>
    public ConflictView? ReallocationConflict { get; private set; }

    private ReferralInView InView => HttpContext.Record<ReferralInView>();

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        Version = Referral.Version;
        Strands = Options.Select(o => new StrandChoice { StrandId = o.Strand.Id, Include = true, WorkerId = o.Suggestions.Count > 0 ? o.Suggestions[0].UserId : null }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var allocations = new List<StrandAllocation>();
        if (Strands.Any(c => c.Include && Options.All(o => o.Strand.Id != c.StrandId)) || Strands.GroupBy(c => c.StrandId).Any(g => g.Count() > 1))
        {
            ModelState.AddModelError("Strands", "Select strands this service offers");
            return Page();
        }

        for (var i = 0; i < Options.Count; i++)
        {
            var option = Options[i];
            var choice = Strands.SingleOrDefault(s => s.StrandId == option.Strand.Id);
            if (choice is not { Include: true })
            {
                continue;
            }

            var key = $"Strands[{i}]";
            var chosen = option.Suggestions.SingleOrDefault(s => s.UserId == choice.WorkerId);
            if (chosen is null)
            {
                ModelState.AddModelError($"{key}.WorkerId", $"Select a worker for {option.Strand.Name.ToLowerInvariant()}");
                continue;
            }

            var isTop = option.Suggestions[0].UserId == chosen.UserId;
            var reason = choice.Reason?.Trim();
            if (!isTop && string.IsNullOrEmpty(reason))
            {
                ModelState.AddModelError($"{key}.Reason", $"Enter why you chose {chosen.Name} rather than the suggested worker");
                continue;
            }

            if (reason is { Length: > 2000 } || !TextRules.IsSafe(reason, multiline: true))
            {
                ModelState.AddModelError($"{key}.Reason", "Reason must be 2000 characters or fewer, without hidden control characters");
                continue;
            }

            allocations.Add(new StrandAllocation(option.Strand.Id, chosen.UserId, isTop && string.IsNullOrEmpty(reason) ? string.Join("; ", chosen.Reasons) : reason!));
        }

        if (ModelState.IsValid && allocations.Count == 0)
        {
            ModelState.AddModelError("Strands", "Select at least one strand to allocate");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await referrals.AllocateAsync(InView.Id, Version, allocations, HttpContext.RequestAborted);
        if (result is WriteResult.Done
            && await db.Episodes.Where(e => e.ReferralId == InView.Id).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(HttpContext.RequestAborted) is { } episodeId)
        {
            TempData.SetFlashLink(Url.Page("/Episodes/Index", new { episodeId })!, "Go to the episode of care");
        }

        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = id => RedirectToPage("/Referrals/Allocation", new { referralId = id }),
            Flash = "Workers allocated: the episode of care is open",
            RefusedField = "Strands",
            Conflict = async _ =>
            {
                // What is saved now is shown; the manager's own choices stay on the form, against the saved version.
                Conflict = true;
                await LoadAsync();
                Version = Referral.Version;
                Differences = AllocationDifferences();
            },
        });
    }

    public async Task<IActionResult> OnPostReallocateAsync()
    {
        await LoadAsync();
        if (Allocated.All(a => a.Id != Reallocate.EpisodeStrandId))
        {
            return NotFound();
        }

        if (!ReallocateValidator.Validate(Reallocate).AddTo(ModelState, nameof(Reallocate)))
        {
            return Page();
        }

        var mine = Reallocate;
        var result = await strandService.ReallocateAsync(new ReallocateStrand
        {
            EpisodeId = Episode?.Id ?? Guid.Empty,
            StrandId = mine.EpisodeStrandId,
            Version = mine.Version,
            WorkerUserId = mine.WorkerId!.Value,
            Reason = mine.Reason!.Trim(),
        }, HttpContext.RequestAborted);
        // Every refusal of a change of worker is about the worker chosen or the episode's state: the form shows it on the worker.
        return await this.AnswerAsync(result is WriteResult.Refused refused ? refused with { Field = null } : result, new WriteAnswer
        {
            Done = _ => RedirectToPage("/Referrals/Allocation", new { referralId = InView.Id }),
            Flash = "Worker changed",
            RefusedField = "Reallocate.WorkerId",
            Conflict = async _ =>
            {
                await LoadAsync();

                // The form of the strand's running allocation keeps the manager's choice, against the version saved now.
                var strand = Allocated.Single(a => a.Id == mine.EpisodeStrandId).StrandName;
                var running = Allocated.FirstOrDefault(a => a.StrandName == strand && a.EndedAt is null);
                mine.EpisodeStrandId = running?.Id ?? mine.EpisodeStrandId;
                mine.Version = Episode!.Version;
                var yours = Options.SelectMany(o => o.Suggestions).FirstOrDefault(w => w.UserId == mine.WorkerId)?.Name;
                ReallocationConflict = ConflictView.Of("The episode's workers", ($"Worker for {strand.ToLowerInvariant()}", running?.Worker ?? "Strand ended", yours));
            },
        });
    }

    /// <summary>The episode the referral opened, as saved now: its id and the version a change of worker is made against.</summary>
    private async Task LoadEpisodeAsync() =>
        Episode = await db.Episodes.AsNoTracking().Where(e => e.ReferralId == Referral.Id).Select(e => new EpisodeVersion(e.Id, e.Version)).SingleOrDefaultAsync(HttpContext.RequestAborted);


    private async Task LoadAsync()
    {
        var cancellation = HttpContext.RequestAborted;
        Referral = await db.Referrals.AsNoTracking().Include(r => r.Service).ThenInclude(s => s!.Strands).SingleAsync(r => r.Id == InView.Id, cancellation);
        PersonName = await db.People.AsNoTracking().Where(p => p.Id == Referral.PersonId).Select(p => p.Details.GivenName + " " + p.Details.FamilyName).SingleOrDefaultAsync(cancellation) ?? "Not available";
        var service = Referral.Service!;
        var strands = service.Strands.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var options = new List<StrandOption>();
        foreach (var strand in strands)
        {
            options.Add(new StrandOption(strand, await WorkerMatching.SuggestAsync(db, Referral, service, strand, cancellation)));
        }

        Options = options;
        var episodeId = await db.Episodes.Where(e => e.ReferralId == Referral.Id).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(cancellation);
        var rows = episodeId is null ? [] : await db.EpisodeStrands.AsNoTracking()
            .Where(s => s.EpisodeId == episodeId)
            .OrderBy(s => s.StartedAt)
            .Select(s => new
            {
                s.Id,
                s.ServiceStrandId,
                Worker = db.Users.Where(u => u.Id == s.WorkerUserId).Select(u => u.DisplayName).FirstOrDefault(),
                s.WorkerUserId,
                s.StartedAt,
                s.EndedAt,
                s.AllocationReason,
                s.EndReason,
            })
            .ToListAsync(cancellation);
        AlreadyOpen = Referral.State == ReferralState.Accepted && Referral.AllocatedAt is null
            && await OpenCare.FindAsync(db, Referral.PersonId, Referral.ServiceId, Referral.Id, cancellation) is { IsEpisode: true } open ? open : null;
        Allocated = rows.Select(a => new AllocatedStrand(a.Id, strands.SingleOrDefault(s => s.Id == a.ServiceStrandId)?.Name ?? "", a.Worker ?? "", a.WorkerUserId, a.StartedAt, a.EndedAt, a.AllocationReason, a.EndReason)).ToList();
        await LoadEpisodeAsync();
    }

    private List<FieldChange> AllocationDifferences()
    {
        var differences = new List<FieldChange>();
        foreach (var option in Options)
        {
            if (Strands.SingleOrDefault(s => s.StrandId == option.Strand.Id) is not { Include: true } choice)
            {
                continue;
            }

            var saved = Allocated.FirstOrDefault(a => a.StrandName == option.Strand.Name && a.EndedAt is null);
            var strand = option.Strand.Name.ToLowerInvariant();
            differences.Add(new($"Worker for {strand}", saved?.Worker ?? "Not allocated", option.Suggestions.FirstOrDefault(w => w.UserId == choice.WorkerId)?.Name));
            differences.Add(new($"Why this worker for {strand}", saved?.Reason, TextRules.Tidy(choice.Reason)));
        }

        return differences.Where(d => d.From != d.To).ToList();
    }

    /// <summary>An open episode of the person's with this service: a second one is refused, and the page says so.</summary>
    public OpenPlace? AlreadyOpen { get; private set; }

    public bool CanAllocate => Referral.State == ReferralState.Accepted && Referral.AllocatedAt is null;

    public sealed record StrandOption(ServiceStrand Strand, IReadOnlyList<WorkerSuggestion> Suggestions);

    public sealed record AllocatedStrand(Guid Id, string StrandName, string Worker, Guid WorkerUserId, DateTime StartedAt, DateTime? EndedAt, string? Reason, string? EndReason);

    public sealed class StrandChoice
    {
        public Guid StrandId { get; set; }
        public bool Include { get; set; }
        public Guid? WorkerId { get; set; }
        public string? Reason { get; set; }
    }

    public sealed record EpisodeVersion(Guid Id, Guid Version);

    public sealed class ReallocateInput
    {
        public Guid EpisodeStrandId { get; set; }

        /// <summary>The version of the episode the manager saw.</summary>
        public Guid Version { get; set; }

        public Guid? WorkerId { get; set; }
        public string? Reason { get; set; }
    }
}
