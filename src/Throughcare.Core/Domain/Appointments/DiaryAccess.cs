using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.Appointments;

/// <summary>A member of staff whose diary the user may read.</summary>
public sealed record DiaryOwner(Guid UserId, string Name, Guid OrganisationId);

/// <summary>A team whose diary the user may read, with the members whose appointments it lists.</summary>
public sealed record TeamInView(Guid Id, string Name, IReadOnlyList<DiaryOwner> Workers);

/// <summary>
/// Whose diary the user may read, and which appointments in it: the one place that answers both, for the diaries and the
/// home page. A worker reads their own diary; a manager reads the diary of each worker, and of each team, of their own
/// organisation; no one else reads it at all, and a diary they may not read answers as if it did not exist. Within a
/// diary an appointment is listed only where the user may see its episode (<see cref="EpisodeAccess"/>: the database's
/// access filter, then <see cref="EpisodeRight.See"/>), so a diary never shows what the episode would not.
/// </summary>
public sealed class DiaryAccess(ThroughcareDbContext db, CurrentUser user)
{
    /// <summary>Whether the user may read the diary of this worker of this organisation.</summary>
    public bool MayRead(Guid workerId, Guid workerOrganisationId) =>
        user.UserId == workerId || (user.OrganisationId == workerOrganisationId && user.IsInRole(StaffRoles.Manager));

    /// <summary>Whether the user may read the diary of a team of this organisation: its managers alone.</summary>
    public bool MayReadTeam(Guid teamOrganisationId) => user.OrganisationId == teamOrganisationId && user.IsInRole(StaffRoles.Manager);

    /// <summary>Whether an appointment on an episode like this may be listed for the user.</summary>
    public bool MaySeeEpisode(Guid serviceOrganisationId, Guid referringOrganisationId, EpisodeState state) =>
        EpisodeAccess.RightsFor(user, serviceOrganisationId, referringOrganisationId, state, isWorker: false).Has(EpisodeRight.See);

    /// <summary>Whether an appointment outside any episode, of this organisation, may be listed for the user.</summary>
    public bool MaySeeOutsideEpisode(Guid organisationId) =>
        PersonAppointmentAccess.RightsFor(user, organisationId).Has(PersonAppointmentRight.See);

    /// <summary>The worker whose diary the user asks for, or null when they may not read it (or there is no such account).</summary>
    public async Task<DiaryOwner?> FindWorkerAsync(Guid userId, CancellationToken cancellationToken)
    {
        var worker = await db.Users.AsNoTracking().Where(u => u.Id == userId && !u.IsIntegration)
            .Select(u => new DiaryOwner(u.Id, u.DisplayName, u.OrganisationId))
            .SingleOrDefaultAsync(cancellationToken);
        return worker is not null && MayRead(worker.UserId, worker.OrganisationId) ? worker : null;
    }

    /// <summary>The team whose diary the user asks for, with its active members, or null when they may not read it.</summary>
    public async Task<TeamInView?> FindTeamAsync(Guid teamId, CancellationToken cancellationToken)
    {
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => new { t.Id, t.Name, t.OrganisationId }).SingleOrDefaultAsync(cancellationToken);
        if (team is null || !MayReadTeam(team.OrganisationId))
        {
            return null;
        }

        var workers = await db.Users.AsNoTracking()
            .Where(u => u.TeamId == team.Id && u.OrganisationId == team.OrganisationId && u.DisabledAt == null && !u.IsIntegration)
            .OrderBy(u => u.DisplayName)
            .Select(u => new DiaryOwner(u.Id, u.DisplayName, u.OrganisationId))
            .ToListAsync(cancellationToken);
        return new TeamInView(team.Id, team.Name, workers);
    }

    /// <summary>The teams of the user's organisation whose diaries they may read, for choosing one.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> TeamsAsync(CancellationToken cancellationToken)
    {
        if (user.OrganisationId is not { } organisationId || !MayReadTeam(organisationId))
        {
            return [];
        }

        return (await db.Teams.AsNoTracking().Where(t => t.OrganisationId == organisationId).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
            .Select(t => (t.Id, t.Name))
            .ToList();
    }
}
