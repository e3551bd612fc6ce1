using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Web.Pages.Episodes.Measures;

/// <summary>
/// Records a completed instrument: first choose the instrument (?instrument=code), then answer its items. The score
/// and band are worked out on the server from the answers; a posted score is never read.
/// </summary>
[Requires(EpisodeRight.Work)]
public sealed class NewModel(ThroughcareDbContext db, InstrumentCatalogueService catalogue, MeasureService measures, TimeProvider time) : PageModel
{
    public EpisodeInView InView { get; private set; } = null!;
    public IReadOnlyList<Instrument> Available { get; private set; } = [];
    public Instrument? Chosen { get; private set; }
    public InstrumentDefinition? Definition { get; private set; }

    /// <summary>The chosen instrument's code: from the query string when choosing, from a hidden field when recording.</summary>
    [BindProperty(SupportsGet = true, Name = "instrument")]
    public string? Instrument { get; set; }

    [BindProperty]
    public MeasureInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public static IEnumerable<SelectListItem> OccasionItems =>
        Enum.GetValues<AssessmentOccasion>().Select(o => new SelectListItem(EpisodeStates.Label(o), o.ToString()));

    public async Task OnGetAsync()
    {
        await LoadAsync();
        SubmissionId = Guid.NewGuid();
        Input.TakenOn = DateParts.From(Display.Today(time));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Chosen is null || Definition is null)
        {
            ModelState.AddModelError(nameof(Instrument), "Select an instrument");
            return Page();
        }

        if (SubmissionId == Guid.Empty)
        {
            SubmissionId = Guid.NewGuid();
        }

        var answers = Validate(Definition);
        if (!ModelState.IsValid || answers is null)
        {
            return Page();
        }

        var result = await measures.RecordAsync(new RecordMeasure
        {
            EpisodeId = InView.Id,
            InstrumentId = Chosen.Id,
            Occasion = Enum.Parse<AssessmentOccasion>(Input.Occasion!),
            TakenOn = Input.TakenOn.TryGetDate(out var takenOn) ? takenOn : throw new InvalidOperationException("The date was checked."),
            Answers = answers,
            SubmissionId = SubmissionId,
        }, HttpContext.RequestAborted);
        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = _ => RedirectToPage("/Episodes/Measures/Index", new { episodeId = InView.Id }),
            Flash = "Measure recorded",
        });
    }

    /// <summary>The answers as option values when every check passes; otherwise the errors are in ModelState.</summary>
    private List<int>? Validate(InstrumentDefinition definition)
    {
        var answers = new List<int>();
        for (var i = 0; i < definition.Items.Count; i++)
        {
            var key = $"Input.Answers[{i.ToString(CultureInfo.InvariantCulture)}]";
            var posted = i < Input.Answers.Count ? Input.Answers[i]?.Trim() : null;
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(posted))
            {
                ModelState.AddModelError(key, $"Select an answer to item {number}");
            }
            else if (!int.TryParse(posted, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || !definition.Items[i].Options.Any(o => o.Value == value))
            {
                ModelState.AddModelError(key, $"Select one of the answers to item {number}");
            }
            else
            {
                answers.Add(value);
            }
        }

        if (Input.Answers.Count > definition.Items.Count)
        {
            ModelState.AddModelError(string.Empty, $"{definition.Name} has {definition.Items.Count.ToString(CultureInfo.InvariantCulture)} items: answer only those");
        }

        if (Input.Occasion is null || !Enum.GetNames<AssessmentOccasion>().Contains(Input.Occasion, StringComparer.Ordinal))
        {
            ModelState.AddModelError("Input.Occasion", "Select when the measure was taken: start, review or end");
        }

        var today = Display.Today(time);
        var started = StartedOn;
        var rule = new DateRule("Date taken", "Enter the date the measure was taken", started, today,
            $"Date taken must be on or after the day the episode started, {Display.Date(started)}", "Date taken must be today or in the past");
        if (rule.Check(Input.TakenOn) is { } dateError)
        {
            ModelState.AddModelError("Input.TakenOn", dateError);
        }

        return ModelState.IsValid ? answers : null;
    }

    private DateOnly StartedOn { get; set; }

    private async Task LoadAsync()
    {
        InView = HttpContext.Record<EpisodeInView>();
        var cancellationToken = HttpContext.RequestAborted;
        StartedOn = await db.Episodes.Where(e => e.Id == InView.Id).Select(e => e.StartedOn).SingleAsync(cancellationToken);
        Available = await catalogue.For(InView.ServiceOrganisationId).AsNoTracking().OrderBy(i => i.OrganisationId != null).ThenBy(i => i.Name).ToListAsync(cancellationToken);
        var code = Instrument?.Trim();
        Chosen = string.IsNullOrEmpty(code) ? null : Available.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));
        Definition = Chosen is null ? null : InstrumentDefinition.Parse(Chosen.Definition).Definition;
        if (Definition is not null)
        {
            while (Input.Answers.Count < Definition.Items.Count)
            {
                Input.Answers.Add(null);
            }
        }
    }

    public IEnumerable<SelectListItem> OptionItems(InstrumentItem item) =>
        item.Options.Select(o => new SelectListItem(o.Label, o.Value.ToString(CultureInfo.InvariantCulture)));

    public sealed class MeasureInput
    {
        public List<string?> Answers { get; set; } = [];
        public string? Occasion { get; set; }
        public DateParts TakenOn { get; set; } = new();
    }
}
