using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.ReleaseLists;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.ReleaseLists;

/// <summary>
/// The people released to a borough in the last year, as the reader's organisation may see them, with the case outcome
/// indicators recorded until the end of contact: on the page and as CSV.
/// </summary>
public sealed class ArchiveModel(ReleaseListReader reader, ReadAudit reads, TimeProvider time) : BoroughPageModel(reader)
{
    public static readonly string[] Header =
        ["Name", "Released", "Accommodation on release", "Accommodation at three months", "Appointment within 24 hours", "Engagement with services", "Education, training or employment", "Return to custody"];

    public IReadOnlyList<ArchiveRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Rows = await Reader.ArchiveAsync(Borough, Display.Today(time), HttpContext.RequestAborted);
        reads.ShownPeople(Rows.Select(r => r.PersonId), AuditActions.View, $"archive list for {BoroughName}");
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var today = Display.Today(time);
        Rows = await Reader.ArchiveAsync(Borough, today, HttpContext.RequestAborted);
        reads.ShownPeople(Rows.Select(r => r.PersonId), AuditActions.Export, $"archive list for {BoroughName}, CSV");
        return new CsvFile(Header, Rows.Select(r => (IReadOnlyList<string>)
        [
            r.Name, Display.Date(r.ReleasedOn), r.AccommodationOnRelease, r.AccommodationAtThreeMonths, r.AppointmentWithin24Hours, r.Engagement, r.Ete, r.ReturnToCustody,
        ]).ToList(), FileName("archive-list", today, "csv"));
    }
}
