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

/// <summary>
/// A worker's diary, a day or a week (Monday to Sunday) of UK days: the signed-in user's own at /diary, another worker's
/// at /diary/{userId} for the managers of their organisation (<see cref="DiaryAccess"/>). With <c>?show=awaiting-closing</c>,
/// the worker's appointments whose time has passed and that are still to be closed, whenever they were.
/// </summary>
[Authorize(Policy = Capabilities.WorkEpisodes)]
public sealed class IndexModel(ReadOnlyDb readOnly, CurrentUser user, ReadAudit reads, TimeProvider time) : PageModel
{
    public const string AwaitingClosing = "awaiting-closing";

    public DiaryOwner Owner { get; private set; } = null!;
    public bool IsOwn { get; private set; }
    public DiaryPeriod Period { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool ShowsAwaitingClosing { get; private set; }
    public IReadOnlyList<DiaryEntry> Entries { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Staff { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The teams whose diaries a manager may open from their own.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? userId, string? view, string? date, string? show)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var diary = new DiaryReader(readOnly.Db, user, reads, time);
        var ownerId = userId ?? user.RequireUserId();
        if (await diary.Access.FindWorkerAsync(ownerId, cancellationToken) is not { } owner)
        {
            return await DiaryPages.RefuseAsync(HttpContext, AuditRecordTypes.User, ownerId);
        }

        Owner = owner;
        IsOwn = owner.UserId == user.UserId;
        Today = Display.Today(time);
        Period = DiaryPeriod.Parse(view, date, Today);
        ShowsAwaitingClosing = show == AwaitingClosing;
        Entries = ShowsAwaitingClosing
            ? await diary.AwaitingClosingAsync(owner.UserId, cancellationToken)
            : await diary.InPeriodAsync([owner.UserId], Period, cancellationToken);
        Staff = await diary.StaffNamesAsync(Entries, cancellationToken);
        Teams = IsOwn ? await diary.Access.TeamsAsync(cancellationToken) : [];
        return Page();
    }

    /// <summary>This diary over another period.</summary>
    public string Href(DiaryPeriod period) => Path(IsOwn ? null : Owner.UserId, period);

    /// <summary>A worker's diary (the user's own without an id) over a period.</summary>
    public static string Path(Guid? userId, DiaryPeriod period) =>
        $"/diary{(userId is { } id ? $"/{id}" : "")}?view={period.Query.View}&date={period.Query.Date}";
}
