using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Referrals;

/// <summary>
/// The referrer's journey pages (reason, needs, documents, sharing, check answers): open to those who may edit the
/// referral (<see cref="ReferralRight.Edit"/>), anyone else gets 404 from the route filter.
/// </summary>
[Requires(ReferralRight.Edit)]
public abstract class ReferralJourneyModel(ThroughcareDbContext db, ReferralService referrals) : PageModel
{
    [BindProperty]
    public Guid Version { get; set; }

    /// <summary>
    /// <see cref="ReferralJourney.ReturnToCheck"/> when the page was opened by a "Change" link on Check your answers:
    /// saving goes back there. Any other value is ignored, so the query string can never choose where a save leads.
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnTo { get; set; }

    public bool Changing => ReturnTo == ReferralJourney.ReturnToCheck;

    /// <summary>The question before this one, or Check your answers when changing an answer from there.</summary>
    public string BackHref => Changing
        ? Url.Page(ReferralJourney.CheckAnswers, new { referralId = Referral.Id })!
        : ReferralJourney.Previous(ThisPage) is { } previous
            ? Url.Page(previous, new { referralId = Referral.Id })!
            : Url.Page("/People/View", new { personId = Referral.PersonId })!;

    /// <summary>Where saving this page's answers leads: the next question, or back to Check your answers.</summary>
    public string NextPage => Changing ? ReferralJourney.CheckAnswers : ReferralJourney.Next(ThisPage);

    private string ThisPage => PageContext.ActionDescriptor.ViewEnginePath;

    public Referral Referral { get; private set; } = null!;

    /// <summary>Set when someone else changed the referral first: the page shows what is saved now beside the user's own input.</summary>
    public bool Conflict { get; private set; }

    /// <summary>This page's questions, each with the answer saved now and the user's own, for the conflict panel.</summary>
    protected virtual IEnumerable<(string Question, string? Saved, string? Yours)> Answers => [];

    /// <summary>The questions whose saved answer differs from the user's own, shown after a conflict.</summary>
    public IReadOnlyList<FieldChange> Differences =>
        Answers.Where(a => !string.Equals(a.Saved, a.Yours, StringComparison.Ordinal)).Select(a => new FieldChange(a.Question, a.Saved, a.Yours)).ToList();

    protected ThroughcareDbContext Db => db;

    protected ReferralService Referrals => referrals;

    /// <summary>Loads the route's referral, which the route filter found this user may edit.</summary>
    protected async Task LoadAsync()
    {
        var inView = HttpContext.Record<ReferralInView>();
        Referral = await db.Referrals.AsNoTracking().AsSplitQuery()
            .Include(r => r.Service).ThenInclude(s => s!.Documents)
            .Include(r => r.Documents)
            .SingleAsync(r => r.Id == inView.Id, HttpContext.RequestAborted);
        if (Version == Guid.Empty)
        {
            Version = Referral.Version;
        }
    }

    /// <summary>Saves this page's answers onto the draft and goes to the next page, or explains why not.</summary>
    protected async Task<IActionResult> SaveAsync(Func<ReferralDetails, ReferralDetails> change)
    {
        var result = await referrals.SaveDetailsAsync(Referral.Id, Version, change(ReferralJourney.DetailsOf(Referral)), HttpContext.RequestAborted);
        return await AnswerAsync(result, NextPage);
    }

    /// <summary>
    /// Where a write goes next: on to the next page (with the success banner, if any), back to this one with the
    /// reason it was refused, or to the conflict panel, which keeps the user's input and takes the saved version.
    /// </summary>
    protected Task<IActionResult> AnswerAsync(WriteResult result, string nextPage, string? flash = null) =>
        this.AnswerAsync(result, new WriteAnswer
        {
            // A page that answers itself (an upload) keeps the way back to Check your answers.
            Done = _ => RedirectToPage(nextPage, new { referralId = Referral.Id, returnTo = Changing && nextPage != ReferralJourney.CheckAnswers ? ReturnTo : null }),
            Flash = flash,
            Conflict = async _ =>
            {
                Conflict = true;
                Version = Guid.Empty;
                await LoadAsync();
            },
        });
}

public static class ReferralJourney
{
    public const string CheckAnswers = "/Referrals/CheckAnswers";

    /// <summary>The value of <c>returnTo</c> that a "Change" link on Check your answers carries.</summary>
    public const string ReturnToCheck = "check";

    /// <summary>The referrer's questions in the order they are asked, ending on Check your answers.</summary>
    private static readonly string[] Questions = ["/Referrals/Reason", "/Referrals/Needs", "/Referrals/Documents", "/Referrals/Sharing", CheckAnswers];

    /// <summary>The question before <paramref name="page"/>; null for the first, whose way back is the person.</summary>
    public static string? Previous(string page) => Array.IndexOf(Questions, page) is > 0 and var i ? Questions[i - 1] : null;

    public static string Next(string page) => Questions[Math.Min(Array.IndexOf(Questions, page) + 1, Questions.Length - 1)];

    public static bool IsEditable(ReferralState state) => ReferralStates.IsEditable(state);

    public static ReferralDetails DetailsOf(Referral r) => ReferralService.DetailsOf(r);

    public static IEnumerable<SelectListItem> Sources => Items(ReferralLabels.Sources);

    public static IEnumerable<SelectListItem> Settings => Items(ReferralLabels.Settings);

    public static IEnumerable<SelectListItem> WorkerGenders => Items(ReferralLabels.WorkerGenders);

    public static IEnumerable<SelectListItem> SharingBases => Items(ReferralLabels.SharingBases);

    private static IEnumerable<SelectListItem> Items(IEnumerable<(string Code, string Label)> choices) => choices.Select(c => new SelectListItem(c.Label, c.Code));

    public static IEnumerable<SelectListItem> CloseReasons => Enum.GetValues<ReferralCloseReason>()
        .Select(r => new SelectListItem(ReferralStates.Label(r), r.ToString()));

    public static string? Label(IEnumerable<SelectListItem> items, string? value) => items.FirstOrDefault(i => i.Value == value)?.Text;

    public static string? SourceLabel(ReferralSource? source) => Label(Sources, source?.ToString());

    public static string? SettingLabel(ServiceSetting? setting) => Label(Settings, setting?.ToString());

    public static string? SharingLabel(SharingBasis? basis) => Label(SharingBases, basis?.ToString());

    public static string? WorkerGenderLabel(string? gender) => Label(WorkerGenders, gender);

    /// <summary>Names only: a number such as "7" must not pass as an enum value.</summary>
    public static bool IsEnumName<T>(string? value)
        where T : struct, Enum => Enum.GetNames<T>().Contains(value);

    public static T? ParseEnum<T>(string? value)
        where T : struct, Enum => IsEnumName<T>(value) ? Enum.Parse<T>(value!) : null;

    public static string StateColour(ReferralState state) => state switch
    {
        ReferralState.Draft => "grey",
        ReferralState.Submitted => "blue",
        ReferralState.AwaitingInformation => "orange",
        ReferralState.Screening => "purple",
        ReferralState.Accepted => "green",
        ReferralState.Declined => "red",
        _ => "grey",
    };
}
