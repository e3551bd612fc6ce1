using System.Linq.Expressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.People;

/// <summary>What the person's identity bar shows on every page about them.</summary>
public sealed record PersonHeader(Guid Id, string Name, DateOnly? DateOfBirth, string? Crn, string? PrisonNumber, string? NhsNumber);

public enum PersonRight
{
    /// <summary>Open the record, its timeline and its change history.</summary>
    See,

    /// <summary>Change the person's details and add aliases.</summary>
    Edit,

    /// <summary>Refer the person to a service.</summary>
    Refer,

    /// <summary>Book appointments with the person outside any episode, for the user's own organisation.</summary>
    BookAppointments,

    /// <summary>Record a period of custody for the person.</summary>
    RecordCustody,
}

/// <summary>A person as the current user may see them.</summary>
public sealed record PersonInView(PersonHeader Header, Guid? MergedIntoPersonId, Rights<PersonRight> Rights) : IRecordInView
{
    public string RecordType => AuditRecordTypes.Person;

    public Guid Id => Header.Id;

    public Guid PersonId => Header.Id;

    public bool Allows(Enum right) => Rights.Has(right);

    public bool May(PersonRight right) => Rights.Has(right);
}

/// <summary>
/// Who may list, see and change a person: the one place that answers it. An organisation sees a person only while it
/// holds an active role in their care (the database's access filter, <see cref="ThroughcareDbContext"/>); within it,
/// staff roles decide what they may do.
/// </summary>
public sealed class PersonAccess(ThroughcareDbContext db, CurrentUser user) : IRecordAccess
{
    /// <summary>
    /// The rule every record about a person builds on: the user's organisation holds a role in their care that has not
    /// ended (<see cref="CareRoles"/>). System tasks (start-up, maintenance) see everything.
    /// </summary>
    public static readonly Expression<Func<ThroughcareDbContext, Guid, bool>> HoldsCareRole = (db, personId) =>
        db.AccessIsSystem
        || db.PersonCareRoles.Any(r => r.PersonId == personId && r.OrganisationId == db.AccessOrganisationId && (r.EndedAt == null || r.EndedAt > db.AccessNow));

    /// <summary>The database's part of this decision: the people a query may return at all.</summary>
    public static readonly Expression<Func<ThroughcareDbContext, Person, bool>> Filter =
        AccessFilter.Where<Person>((db, p) => true, (db, p) => p.Id, HoldsCareRole);

    public string RouteKey => "personId";

    public int Precedence => 100;

    public string RecordType => AuditRecordTypes.Person;

    public Enum SeeRight => PersonRight.See;

    public Guid? PersonNamedBy(Guid id) => id;

    /// <summary>The people the user may find: those their organisation has an active care role with, unmerged.</summary>
    public IQueryable<Person> Listable => db.People.Where(p => p.MergedIntoPersonId == null);

    public async Task<IRecordInView?> FindAsync(Guid id, RouteValueDictionary routeValues, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken);

    public async Task<PersonInView?> FindAsync(Guid personId, CancellationToken cancellationToken)
    {
        var found = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.MergedIntoPersonId, Header = new PersonHeader(p.Id, p.Details.GivenName + " " + p.Details.FamilyName, p.Details.DateOfBirth, p.Details.Crn, p.Details.PrisonNumber, p.Details.NhsNumber) })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new PersonInView(found.Header, found.MergedIntoPersonId, RightsFor(user));
    }

    /// <summary>The identity bar for a person whose record the user reached through another of their records.</summary>
    public Task<PersonHeader?> HeaderAsync(Guid personId, CancellationToken cancellationToken) =>
        db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new PersonHeader(p.Id, p.Details.GivenName + " " + p.Details.FamilyName, p.Details.DateOfBirth, p.Details.Crn, p.Details.PrisonNumber, p.Details.NhsNumber))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>What a member of staff may do with any person their organisation holds a care role with.</summary>
    public static Rights<PersonRight> RightsFor(CurrentUser user) => new RightsBuilder<PersonRight>()
        .Grant(PersonRight.See, user.Holds(Capabilities.ViewPeople))
        .Grant(PersonRight.Edit, user.Holds(Capabilities.EditPeople))
        .Grant(PersonRight.Refer, user.Holds(Capabilities.MakeReferrals))
        .Grant(PersonRight.BookAppointments, user.OrganisationId is { } organisationId
            && PersonAppointmentAccess.RightsFor(user, organisationId).Has(PersonAppointmentRight.Work))
        .Grant(PersonRight.RecordCustody, Custody.CustodyAccess.RightsFor(user).Has(Custody.CustodyRight.Record))
        .Build();
}
