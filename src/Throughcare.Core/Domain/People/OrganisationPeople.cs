using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.People;

/// <summary>How an organisation's list of people is narrowed: by name, by a service, and by whether care is open.</summary>
public sealed record OrganisationPeopleFilter(string? Name, Guid? ServiceId, bool? Open)
{
    public bool IsEmpty => Name is null && ServiceId is null && Open is null;
}

/// <summary>One person the organisation works with, and the services through which it does.</summary>
public sealed record OrganisationPerson(Guid PersonId, string Name, DateOnly? DateOfBirth, string? Crn, bool Open, IReadOnlyList<string> Services);

/// <summary>
/// The people the user's organisation works with: those it holds an active role in the care of, as
/// <see cref="PersonAccess.Listable"/> lists them (no other rule). Their care with the organisation is open while a
/// referral it made or received is still to be decided or allocated, or an episode it runs or referred to is open; the
/// services are those of the referrals it may list (<see cref="ReferralAccess.Listable"/>) that it made or received.
/// </summary>
public sealed class OrganisationPeople(ThroughcareDbContext db, PersonAccess people, ReferralAccess referrals, CurrentUser user)
{
    /// <summary>The organisation's own referrals, made or received, as far as the user may list them.</summary>
    private IQueryable<Referral> Ours
    {
        get
        {
            var organisationId = user.RequireOrganisationId();
            return referrals.Listable.Where(r => r.ReferringOrganisationId == organisationId || r.Service!.OrganisationId == organisationId);
        }
    }

    /// <summary>The services a filter may name: those of the organisation's referrals, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ServicesAsync(CancellationToken cancellationToken) =>
        (await Ours.Select(r => new { r.ServiceId, r.Service!.Name }).Distinct().ToListAsync(cancellationToken))
            .OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => (s.ServiceId, s.Name)).ToList();

    /// <summary>One page of the people, ordered by family name, with the count of all who match.</summary>
    public async Task<(IReadOnlyList<OrganisationPerson> Items, int Page, int TotalPages, int Total)> PageAsync(
        OrganisationPeopleFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var organisationId = user.RequireOrganisationId();
        var ours = Ours;
        var query = people.Listable.Select(p => new
        {
            Person = p,
            Open = ours.Any(r => r.PersonId == p.Id && (r.State == ReferralState.Draft || r.State == ReferralState.Submitted || r.State == ReferralState.AwaitingInformation
                    || r.State == ReferralState.Screening || (r.State == ReferralState.Accepted && r.AllocatedAt == null)))
                || db.Episodes.Any(e => e.PersonId == p.Id && e.State != EpisodeState.Closed
                    && (e.ServiceOrganisationId == organisationId || e.ReferringOrganisationId == organisationId)),
        });
        if (filter.Name is { } name && NameMatching.Normalise(name) is { Length: > 0 } normalised)
        {
            query = query.Where(x => x.Person.NormalisedName.Contains(normalised));
        }

        if (filter.ServiceId is { } serviceId)
        {
            query = query.Where(x => ours.Any(r => r.PersonId == x.Person.Id && r.ServiceId == serviceId));
        }

        if (filter.Open is { } open)
        {
            query = query.Where(x => x.Open == open);
        }

        var total = await query.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, totalPages);
        var rows = await query
            .OrderBy(x => x.Person.Details.FamilyName).ThenBy(x => x.Person.Details.GivenName).ThenBy(x => x.Person.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new { x.Person.Id, x.Person.Details.GivenName, x.Person.Details.FamilyName, x.Person.Details.DateOfBirth, x.Person.Details.Crn, x.Open })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var services = (await ours.Where(r => ids.Contains(r.PersonId)).Select(r => new { r.PersonId, r.Service!.Name }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(s => s.PersonId, s => s.Name);
        var items = rows.Select(r => new OrganisationPerson(r.Id, $"{r.GivenName} {r.FamilyName}", r.DateOfBirth, r.Crn, r.Open,
            services[r.Id].Order(StringComparer.Ordinal).ToList())).ToList();
        return (items, page, totalPages, total);
    }
}
