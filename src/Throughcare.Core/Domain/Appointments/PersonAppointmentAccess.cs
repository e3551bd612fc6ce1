using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.Appointments;

public enum PersonAppointmentRight
{
    /// <summary>See the appointment and its history.</summary>
    See,

    /// <summary>Reschedule, cancel and close it; for the person's record, book new ones outside an episode.</summary>
    Work,
}

/// <summary>An appointment outside any episode, as the current user may see it.</summary>
public sealed record PersonAppointmentInView(Guid Id, Guid PersonId, Guid OrganisationId, Rights<PersonAppointmentRight> Rights) : IRecordInView
{
    public string RecordType => AuditRecordTypes.Appointment;

    public bool Allows(Enum right) => Rights.Has(right);

    public bool May(PersonAppointmentRight right) => Rights.Has(right);
}

/// <summary>
/// Who may see and work an appointment booked with a person outside any episode (liaison and diversion, a hub's
/// drop-in): the one place that answers it. Only the organisation that booked it finds it, and only while it holds an
/// active role in the person's care (the people filter); within it the service team sees it and its practitioners work
/// it. An appointment on an episode is the episode's, and <see cref="Episodes.EpisodeAccess"/> answers for it.
/// </summary>
public sealed class PersonAppointmentAccess(ThroughcareDbContext db, CurrentUser user) : IRecordAccess
{
    /// <summary>The route value naming one; the person in the same route must be its person.</summary>
    public const string Key = "personAppointmentId";

    public string RouteKey => Key;

    public string RecordType => AuditRecordTypes.Appointment;

    public int Precedence => 20;

    public Enum SeeRight => PersonAppointmentRight.See;

    /// <summary>What a member of staff may do with an appointment outside an episode of this organisation.</summary>
    public static Rights<PersonAppointmentRight> RightsFor(CurrentUser user, Guid organisationId)
    {
        var team = user.OrganisationId == organisationId && user.Holds(Capabilities.ViewEpisodes);

        // The data protection officer reads and records nothing here, as on an episode.
        var works = team && !user.IsInRole(StaffRoles.DataProtectionOfficer) && user.Holds(Capabilities.WorkEpisodes);
        return new RightsBuilder<PersonAppointmentRight>()
            .Grant(PersonAppointmentRight.See, team)
            .Grant(PersonAppointmentRight.Work, works)
            .Build();
    }

    /// <summary>The appointments outside an episode that the user's organisation holds: through the people filter, so only while it holds a care role.</summary>
    public IQueryable<Appointment> Visible() =>
        db.Appointments.Where(a => a.EpisodeId == null && a.OrganisationId == user.OrganisationId && db.People.Any(p => p.Id == a.PersonId));

    public async Task<IRecordInView?> FindAsync(Guid id, RouteValueDictionary routeValues, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(routeValues["personId"] as string, out var personId))
        {
            return null;
        }

        return (await InViewAsync(Visible().Where(a => a.Id == id && a.PersonId == personId), cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<IRecordInView>> ListForPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        await InViewAsync(Visible().Where(a => personIds.Contains(a.PersonId)), cancellationToken);

    private async Task<List<PersonAppointmentInView>> InViewAsync(IQueryable<Appointment> appointments, CancellationToken cancellationToken)
    {
        if (user.UserId is null)
        {
            return [];
        }

        var found = await appointments.AsNoTracking().Select(a => new { a.Id, a.PersonId, a.OrganisationId }).ToListAsync(cancellationToken);
        return found.Select(a => new PersonAppointmentInView(a.Id, a.PersonId, a.OrganisationId, RightsFor(user, a.OrganisationId)))
            .Where(a => a.May(PersonAppointmentRight.See))
            .ToList();
    }
}

/// <summary>
/// Every appointment with a person that the user may see, for the person's list and the API: those on the episodes
/// <see cref="Episodes.EpisodeAccess"/> lets them see, and those their organisation booked outside any episode.
/// </summary>
public static class PersonAppointmentList
{
    public static async Task<(List<Appointment> Appointments, List<Episodes.EpisodeInView> Episodes)> ForPersonAsync(
        ThroughcareDbContext db, Episodes.EpisodeAccess episodes, PersonAppointmentAccess outside, Guid personId, CancellationToken cancellationToken)
    {
        var seen = (await episodes.ListForPeopleAsync([personId], cancellationToken)).OfType<Episodes.EpisodeInView>().Where(e => e.May(Episodes.EpisodeRight.See)).ToList();
        var seenIds = seen.Select(e => (Guid?)e.Id).ToList();
        var own = (await outside.ListForPeopleAsync([personId], cancellationToken)).Select(a => a.Id).ToList();
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.PersonId == personId && (seenIds.Contains(a.EpisodeId) || (a.EpisodeId == null && own.Contains(a.Id))))
            .ToListAsync(cancellationToken);
        return (appointments, seen);
    }
}
