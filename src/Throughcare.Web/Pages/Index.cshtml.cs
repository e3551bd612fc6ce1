using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.Pages.Services;

namespace Throughcare.Web.Pages;

/// <summary>
/// Home: what needs the user now, a section for each kind of work their roles give them. Every count is read by the
/// rule of the list it links to, and that list is filtered to exactly the rows counted: My cases by
/// <see cref="CaseloadFilters"/>, the sift and team caseloads through <see cref="ServiceWork"/>, the referrals list by
/// <see cref="ReferralQueues"/>, staff accounts by <see cref="AccountsNeedingAttention"/> and the audit search by the
/// days <see cref="AccessWatch"/> finds. Beside counts and staff names, a practitioner's page leads with their appointments
/// today, read through the <see cref="DiaryReader"/> (which records each person it lists as read).
/// </summary>
public sealed class IndexModel(
    ThroughcareDbContext db,
    CurrentUser user,
    EpisodeAccess episodes,
    ReferralAccess referrals,
    ServiceAccess services,
    AdministrationScope administration,
    ReadAudit reads,
    TimeProvider time) : PageModel
{
    public sealed record AuditWatch(IReadOnlyList<StaffDay> Denials, IReadOnlyList<StaffDay> Unusual);

    /// <summary>The practitioner's appointments today, with the names of the staff they name.</summary>
    public IReadOnlyList<DiaryEntry>? Appointments { get; private set; }
    public IReadOnlyDictionary<Guid, string> AppointmentStaff { get; private set; } = new Dictionary<Guid, string>();
    public int AwaitingClosing { get; private set; }
    public DateOnly Today { get; private set; }

    public IReadOnlyList<WorkCount>? Cases { get; private set; }
    public int OpenEpisodes { get; private set; }
    public IReadOnlyList<ServiceWork>? Services { get; private set; }
    public IReadOnlyList<WorkCount>? Referrals { get; private set; }
    public AuditWatch? Audit { get; private set; }
    public IReadOnlyList<WorkCount>? Accounts { get; private set; }

    public bool HasWork => Cases is not null || Services is not null || Referrals is not null || Audit is not null || Accounts is not null;

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var today = Display.Today(time);
        Today = today;
        if (user.Holds(Capabilities.WorkEpisodes))
        {
            var diary = new DiaryReader(db, user, reads, time);
            var userId = user.RequireUserId();
            Appointments = await diary.InPeriodAsync([userId], DiaryPeriod.Day(today), cancellationToken);
            AppointmentStaff = await diary.StaffNamesAsync(Appointments, cancellationToken);
            AwaitingClosing = await diary.CountAwaitingClosingAsync(userId, cancellationToken);

            var rows = await Core.Domain.Episodes.Caseload.LoadAsync(db, episodes.Caseload(), time.GetUtcNow().UtcDateTime, today, cancellationToken);
            OpenEpisodes = rows.Count;
            Cases = Pages.Caseload.IndexModel.Filters
                .Select(f => new WorkCount(f.Slug(), CaseLabel(f), rows.Count(f, today), Url.Page("/Caseload/Index", new { show = f.Slug() })))
                .ToList();
        }

        if (user.Holds(Capabilities.ScreenReferrals))
        {
            Services = await ServiceWork.LoadAsync(db, services, referrals, time, cancellationToken);
        }

        if (user.Holds(Capabilities.MakeReferrals))
        {
            var made = referrals.Made.AsNoTracking();
            Referrals =
            [
                new("awaiting-decision", "Awaiting a decision", await made.CountAsync(ReferralQueues.AwaitingDecision, cancellationToken),
                    Url.Page("/Referrals/Index", new { show = Pages.Referrals.IndexModel.AwaitingDecision })),
                new("decided", $"Decided in the last {ReferralQueues.RecentDays} days", await made.CountAsync(ReferralQueues.DecidedRecently(time), cancellationToken),
                    Url.Page("/Referrals/Index", new { show = Pages.Referrals.IndexModel.DecidedRecently })),
            ];
        }

        if (user.Holds(Capabilities.SearchAudit))
        {
            var organisationId = user.RequireOrganisationId();
            Audit = new AuditWatch(
                await AccessWatch.DenialsAsync(db, organisationId, time, cancellationToken),
                await AccessWatch.UnusualAsync(db, organisationId, time, cancellationToken));
        }

        if (user.Holds(Capabilities.Administer))
        {
            var now = time.GetUtcNow();
            var counts = new List<WorkCount>();
            foreach (var attention in Enum.GetValues<AccountAttention>())
            {
                var ids = await AccountsNeedingAttention.IdsAsync(db, administration.Staff, attention, now, cancellationToken);
                counts.Add(new WorkCount(attention.Slug(), attention == AccountAttention.Locked ? "Locked after failed sign-ins" : "Not yet signed in",
                    ids.Count, Url.Page("/Admin/Users/Index", new { show = attention.Slug() })));
            }

            Accounts = counts;
        }
    }

    /// <summary>The audit search for one member of staff on one day in the UK.</summary>
    public string? AuditSearchHref(StaffDay day) => Url.Page("/Audit/Index", new RouteValueDictionary
    {
        ["Filter.User"] = day.UserName,
        ["Filter.From.Day"] = day.Day.Day,
        ["Filter.From.Month"] = day.Day.Month,
        ["Filter.From.Year"] = day.Day.Year,
        ["Filter.To.Day"] = day.Day.Day,
        ["Filter.To.Month"] = day.Day.Month,
        ["Filter.To.Year"] = day.Day.Year,
    });

    private static string CaseLabel(CaseloadFilter filter) => filter switch
    {
        CaseloadFilter.ReviewDue => "Reviews due in the next 14 days or overdue",
        CaseloadFilter.OverdueActions => "Episodes with an overdue action",
        _ => "Episodes at risk of disengagement",
    };
}
