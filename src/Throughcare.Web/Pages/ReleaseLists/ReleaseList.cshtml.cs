using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.ReleaseLists;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.ReleaseLists;

/// <summary>
/// The people due for release to a borough within a window (12 weeks unless chosen), soonest first, as the reader's
/// organisation may see them: on the page, as CSV and as a workbook; sent to the borough's leads by hand or each week.
/// Every view, export and send is audited for each person on it.
/// </summary>
public sealed class ReleaseListModel(ReleaseListReader reader, ReleaseListService lists, ThroughcareDbContext db, ReadAudit reads, CurrentUser user, TimeProvider time)
    : BoroughPageModel(reader)
{
    public static readonly string[] Header =
        ["Name", "Prison number", "Release date", "Release date confirmed", "Prison", "Sentence", "RoSH", "MAPPA", "Allocated workers", "Accommodation on release", "Borough housing assessment", "Emergency housing application"];

    [BindProperty(SupportsGet = true)]
    public int Weeks { get; set; } = ReleaseListReader.DefaultWeeks;

    public IReadOnlyList<ReleaseListRow> Rows { get; private set; } = [];
    public sealed record SentSummary(Guid Id, DateTime SentAt, bool Scheduled, string Recipients);

    public IReadOnlyList<SentSummary> Sent { get; private set; } = [];
    public int Leads { get; private set; }
    public DateOnly Today { get; private set; }
    public bool MaySend => ReleaseListService.MaySend(user);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        reads.ShownPeople(Rows.Select(r => r.PersonId), AuditActions.View, $"release list for {BoroughName}");
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync();
        reads.ShownPeople(Rows.Select(r => r.PersonId), AuditActions.Export, $"release list for {BoroughName}, CSV");
        return new CsvFile(Header, Cells(Rows), FileName("release-list", Today, "csv"));
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        await LoadAsync();
        reads.ShownPeople(Rows.Select(r => r.PersonId), AuditActions.Export, $"release list for {BoroughName}, workbook");
        return new XlsxFile("Release list", Header, Cells(Rows), FileName("release-list", Today, "xlsx"));
    }

    /// <summary>Sends the list to the borough's leads now; a manager's.</summary>
    public async Task<IActionResult> OnPostSendAsync() => await this.AnswerAsync(await lists.SendNowAsync(Borough, HttpContext.RequestAborted), new WriteAnswer
    {
        Done = id => RedirectToPage("/ReleaseLists/Sent", new { borough = Borough, sendId = id }),
        Flash = "Release list sent to the borough's leads",
        Show = async () =>
        {
            await LoadAsync();
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        },
    });

    public static IReadOnlyList<IReadOnlyList<string>> Cells(IEnumerable<ReleaseListRow> rows) =>
        rows.Select(r => (IReadOnlyList<string>)
        [
            r.Name, r.PrisonNumber ?? "", Display.Date(r.ReleaseOn), r.Confirmed ? "Yes" : "No", r.Prison, r.Sentence, r.Rosh, r.Mappa, r.Workers, r.Accommodation,
            r.HousingAssessment, r.EmergencyHousing,
        ]).ToList();

    private async Task LoadAsync()
    {
        Weeks = Math.Clamp(Weeks, 1, ReleaseListReader.MaximumWeeks);
        Today = Display.Today(time);
        Rows = await Reader.DueAsync(Borough, Today, Weeks, HttpContext.RequestAborted);
        Sent = await db.ReleaseListSends.AsNoTracking().Where(s => s.Borough == Borough).OrderByDescending(s => s.SentAt).Take(10)
            .Select(s => new SentSummary(s.Id, s.SentAt, s.ScheduledWeek != null, s.Recipients)).ToListAsync(HttpContext.RequestAborted);
        Leads = (await lists.LeadsAsync(Borough, HttpContext.RequestAborted)).Count;
    }
}
