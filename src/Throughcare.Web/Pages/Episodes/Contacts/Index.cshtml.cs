using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Contacts;

/// <summary>The episode's contacts, newest first, with the sessions of each intervention so far.</summary>
public sealed class IndexModel(ThroughcareDbContext db, ReadAudit reads) : PageModel
{
    public const int PageSize = 20;

    public EpisodeInView InView { get; private set; } = null!;
    public IReadOnlyList<Contact> Contacts { get; private set; } = [];
    public IReadOnlyList<DoseCount> Dose { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> StrandNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<Guid, string> StaffNames { get; private set; } = new Dictionary<Guid, string>();
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1)
    {
        InView = HttpContext.Record<EpisodeInView>();
        var cancellationToken = HttpContext.RequestAborted;
        var contacts = db.Contacts.AsNoTracking().Where(c => c.EpisodeId == InView.Id);
        (Contacts, CurrentPage, TotalPages) = await Paging.PageAsync(contacts.OrderByDescending(c => c.OccurredAt).ThenByDescending(c => c.RecordedAt), pageNumber, PageSize, cancellationToken);
        var attended = await contacts.Where(c => c.Attendance == Attendance.Attended || c.Attendance == Attendance.Late)
            .Select(c => new { c.ServiceStrandId, c.Attendance, c.Interventions }).ToListAsync(cancellationToken);
        Dose = ContactService.Dose(attended.Select(c => (c.ServiceStrandId, c.Attendance, c.Interventions)));
        StrandNames = await db.ServiceStrands.Where(s => s.ServiceId == InView.ServiceId).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var staffIds = Contacts.Select(c => c.RecordedByUserId).Distinct().ToList();
        StaffNames = await db.Users.Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var restrictedShown = InView.May(EpisodeRight.SeeRestricted) && Contacts.Any(c => c.NoteRestricted && c.Note is not null);
        reads.Shown(AuditRecordTypes.Episode, InView.Id, InView.PersonId, details: new { path = Request.Path.Value, page = CurrentPage, restricted = restrictedShown });
        return Page();
    }

    public bool ShowsNote(Contact contact) => !contact.NoteRestricted || InView.May(EpisodeRight.SeeRestricted);

    public string StrandName(Guid id) => StrandNames.TryGetValue(id, out var name) ? name : "Strand";

    public string StaffName(Guid id) => StaffNames.TryGetValue(id, out var name) ? name : "Throughcare";
}
