using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Web.Pages.Diary;

/// <summary>A team's diary for its organisation's managers: each member's appointments over a day or a week, worker by worker.</summary>
[Authorize(Policy = Capabilities.WorkEpisodes)]
public sealed class TeamModel(ReadOnlyDb readOnly, CurrentUser user, ReadAudit reads, TimeProvider time) : PageModel
{
    public TeamInView Team { get; private set; } = null!;
    public DiaryPeriod Period { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public IReadOnlyList<DiaryEntry> Entries { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Staff { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid teamId, string? view, string? date)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var diary = new DiaryReader(readOnly.Db, user, reads, time);
        if (await diary.Access.FindTeamAsync(teamId, cancellationToken) is not { } team)
        {
            return await DiaryPages.RefuseAsync(HttpContext, AuditRecordTypes.Team, teamId);
        }

        Team = team;
        Today = Display.Today(time);
        Period = DiaryPeriod.Parse(view, date, Today);
        Entries = await diary.InPeriodAsync(team.Workers.Select(w => w.UserId).ToList(), Period, cancellationToken);
        Staff = await diary.StaffNamesAsync(Entries, cancellationToken);
        return Page();
    }

    public string Href(DiaryPeriod period) => $"/diary/team/{Team.Id}?view={period.Query.View}&date={period.Query.Date}";
}
