using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.Pages.Episodes;

namespace Throughcare.Web.Pages.People.Custody;

/// <summary>The choices the custody forms offer, in the words the pages use.</summary>
public static class CustodyForm
{
    public static IEnumerable<SelectListItem> SentenceItems =>
        Enum.GetValues<SentenceType>().Where(t => t != SentenceType.Recall).Select(t => new SelectListItem(CustodyLabels.Sentence(t), t.ToString()));

    public static IEnumerable<SelectListItem> AccommodationItems =>
        Enum.GetValues<ReleaseAccommodation>().Select(a => new SelectListItem(CustodyLabels.Accommodation(a), a.ToString()));

    public static IEnumerable<SelectListItem> ReleaseItems =>
        Enum.GetValues<ReleaseKind>().Select(k => new SelectListItem(CustodyLabels.Release(k), k.ToString()));

    public static IEnumerable<SelectListItem> MoveItems =>
        Enum.GetValues<MoveReason>().Select(r => new SelectListItem(CustodyLabels.Move(r), r.ToString()));

    public static IEnumerable<SelectListItem> EngagementItems =>
        Enum.GetValues<Engagement>().Select(e => new SelectListItem(CustodyLabels.Engagement(e), e.ToString()));

    public static IEnumerable<SelectListItem> EteItems => Enum.GetValues<EteStatus>().Select(e => new SelectListItem(CustodyLabels.Ete(e), e.ToString()));

    public static IEnumerable<SelectListItem> BoroughItems => Boroughs.All.Select(b => new SelectListItem(b.Label, b.Code));

    public static IEnumerable<SelectListItem> YesNoItems => [new("Yes, it is confirmed", "true"), new("No, it is an estimate", "false")];

    public static IEnumerable<SelectListItem> PrisonItems(IEnumerable<Organisation> prisons) => prisons.Select(p => new SelectListItem(p.Name, p.Id.ToString()));

    public static string Borough(string? code) => code is null ? "Not recorded" : Boroughs.All.LabelFor(code) ?? code;
}

/// <summary>
/// A form that changes one custody period (its dates and release plan, a move, the release, a recall), opened by
/// <see cref="CustodyAccess"/>: loads the period as saved, checks the version the form showed, validates with the
/// shared <see cref="CustodyRules"/>, and answers the service's result the one way pages do.
/// </summary>
[Requires(CustodyRight.Record)]
public abstract class CustodyChangeModel(CustodyService custody) : PageModel
{
    [BindProperty]
    public Guid Version { get; set; }

    public CustodyPeriodInView InView => HttpContext.Record<CustodyPeriodInView>();

    public CustodyPeriod Period { get; private set; } = null!;

    public IReadOnlyList<Organisation> Prisons { get; private set; } = [];

    protected CustodyService Custody => custody;

    /// <summary>What the success banner says.</summary>
    protected abstract string Done { get; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Version = Period.Version;
        Fill(Period);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var answer = new WriteAnswer
        {
            Done = id => RedirectToPage("/People/Custody/View", new { personId = InView.PersonId, custodyPeriodId = id }),
            Flash = Done,
            Show = async () =>
            {
                await LoadAsync();
                Version = Period.Version;
                return Page();
            },
        };
        if (Period.Version != Version)
        {
            return await this.AnswerAsync(new WriteResult.Conflict(), answer);
        }

        if (!Validate(await custody.RulesAsync(HttpContext.RequestAborted)).AddTo(ModelState))
        {
            return Page();
        }

        return await this.AnswerAsync((await WriteAsync()).ForInput(), answer);
    }

    /// <summary>Puts the period's saved values into the form.</summary>
    protected virtual void Fill(CustodyPeriod period)
    {
    }

    protected abstract ValidationResult Validate(CustodyRules rules);

    protected abstract Task<WriteResult> WriteAsync();

    private async Task LoadAsync()
    {
        Period = await custody.FindAsync(InView.Id, HttpContext.RequestAborted) ?? throw new InvalidOperationException("The custody period the route opened cannot be read.");
        Prisons = await custody.PrisonsAsync(HttpContext.RequestAborted);
    }
}
