using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Audit;

/// <summary>
/// What partnership administrators did to the data protection officer's organisation, newest first. They work for the
/// whole partnership, so their actions are not by the organisation's staff and would otherwise be missing from its part
/// of the audit trail.
/// </summary>
public sealed class PartnershipAdministrationModel(ThroughcareDbContext db, CurrentUser currentUser, AuditLog audit) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(DateTime OccurredAt, string? UserName, string? Organisation, string RecordType, string? RecordId, string Action, AuditOutcome Outcome);

    private Dictionary<Guid, string> _names = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }

    // "page" is also the route value Razor Pages keeps the page's path in: bound from there it fails, and the list answers 400.
    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var own = currentUser.RequireOrganisationId();
        var query = from p in db.PartnershipActions
                    where p.OrganisationId == own
                    join a in db.AuditEvents on p.AuditEventId equals a.Id
                    orderby a.Sequence descending
                    select new Row(a.OccurredAt, a.UserName, db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).FirstOrDefault(), a.RecordType, a.RecordId, a.Action, a.Outcome);
        (Rows, CurrentPage, TotalPages) = await Paging.PageAsync(query, page, PageSize, cancellationToken);
        await NameRecordsAsync(cancellationToken);

        audit.Record(new PartnershipActionsListed(own, CurrentPage));
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string Describe(Row row) => (row.RecordType, row.Action) switch
    {
        (AuditRecordTypes.Organisation, AuditActions.Create) => "Added the organisation",
        (AuditRecordTypes.Organisation, AuditActions.Update) => "Changed the organisation's details",
        (AuditRecordTypes.Organisation, AuditActions.View) => "Opened the organisation's administration pages",
        (AuditRecordTypes.Team, AuditActions.Create) => "Added a team",
        (AuditRecordTypes.User, AuditActions.Create) => "Added a staff account",
        (AuditRecordTypes.User, AuditActions.Update) => "Changed a staff account",
        (AuditRecordTypes.User, AuditActions.Disable) => "Disabled a staff account",
        (AuditRecordTypes.User, AuditActions.Enable) => "Enabled a staff account",
        _ => $"{row.Action} ({row.RecordType})",
    };

    /// <summary>The organisation, team or account an action was about, by its name now.</summary>
    public string RecordName(Row row) =>
        Guid.TryParse(row.RecordId, out var id) && _names.TryGetValue(id, out var name) ? name : row.RecordId ?? "";

    private async Task NameRecordsAsync(CancellationToken cancellationToken)
    {
        var ids = Rows.Select(r => Guid.TryParse(r.RecordId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var named = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, Name = u.DisplayName + " (" + u.Email + ")" })
            .Concat(db.Teams.Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Name }))
            .Concat(db.Organisations.Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }))
            .ToListAsync(cancellationToken);
        _names = named.DistinctBy(n => n.Id).ToDictionary(n => n.Id, n => n.Name);
    }
}
