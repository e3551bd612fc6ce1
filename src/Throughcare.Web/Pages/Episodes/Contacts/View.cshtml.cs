using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Episodes.Contacts;

/// <summary>One contact and every earlier version of it. Restricted notes show only to those who may read them.</summary>
public sealed class ViewModel(ThroughcareDbContext db, ReadAudit reads, PathwayCatalogue pathways) : PageModel
{
    public EpisodeInView InView { get; private set; } = null!;
    public Contact Contact { get; private set; } = null!;
    public IReadOnlyList<ContactRevision> Revisions { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> StrandNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<Guid, string> StaffNames { get; private set; } = new Dictionary<Guid, string>();
    public PathwayList Pathways { get; private set; } = PathwayList.Empty;

    public async Task<IActionResult> OnGetAsync(Guid contactId)
    {
        InView = HttpContext.Record<EpisodeInView>();
        var cancellationToken = HttpContext.RequestAborted;
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contactId && c.EpisodeId == InView.Id, cancellationToken);
        Contact = contact;
        Revisions = await db.ContactRevisions.AsNoTracking().Where(r => r.ContactId == contactId).OrderByDescending(r => r.Number).ToListAsync(cancellationToken);
        StrandNames = await db.ServiceStrands.Where(s => s.ServiceId == InView.ServiceId).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var staffIds = Revisions.Select(r => r.ReplacedByUserId).Append(contact.RecordedByUserId).Distinct().ToList();
        StaffNames = await db.Users.Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Pathways = await pathways.GetAsync(cancellationToken);

        var restrictedShown = InView.May(EpisodeRight.SeeRestricted) && IsRestricted && (contact.Note is not null || Revisions.Any(r => r.Note is not null));
        reads.Shown(AuditRecordTypes.Contact, contact.Id, InView.PersonId, details: new { episode = InView.Id, restricted = restrictedShown });
        return Page();
    }

    /// <summary>A note restricted now, or in any earlier version, is restricted in every version.</summary>
    public bool IsRestricted => Contact.NoteRestricted || Revisions.Any(r => r.NoteRestricted);

    public bool ShowsNotes => !IsRestricted || InView.May(EpisodeRight.SeeRestricted);

    public bool MayCorrect => InView.May(EpisodeRight.Work) && ShowsNotes;

    public string StrandName(Guid id) => StrandNames.TryGetValue(id, out var name) ? name : "Strand";

    public string StaffName(Guid id) => StaffNames.TryGetValue(id, out var name) ? name : "Throughcare";
}
