using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.Services;

public enum ServiceRight
{
    /// <summary>Read who the service is for and what it offers: staff of every organisation in the partnership.</summary>
    See,

    /// <summary>Sift and screen the referrals sent to it: the managers of the organisation that runs it.</summary>
    Sift,

    /// <summary>See its team's caseloads: the managers of the organisation that runs it.</summary>
    SeeCaseloads,

    /// <summary>Change its settings and strands: the administrators of the organisation that runs it.</summary>
    Manage,
}

/// <summary>A service as the current user may see it, with what they may do with it.</summary>
public sealed record ServiceInView(Guid Id, string Name, Guid OrganisationId, Rights<ServiceRight> Rights)
{
    public bool May(ServiceRight right) => Rights.Has(right);
}

/// <summary>
/// Who may do what with a service: the one place that answers it, for the service pages (through their route filter)
/// and the catalogue that changes services. A service holds no one's personal data, so every member of staff reads it;
/// its own organisation's managers sift its referrals and see its caseloads, and its own organisation's administrators
/// manage it (the rule <see cref="AdministrationScope.MayRun"/> states for every record an organisation runs).
/// </summary>
public sealed class ServiceAccess(ThroughcareDbContext db, CurrentUser user, AdministrationScope administration)
{
    public async Task<ServiceInView?> FindAsync(Guid serviceId, CancellationToken cancellationToken)
    {
        var service = await db.Services.AsNoTracking().Where(s => s.Id == serviceId)
            .Select(s => new { s.Id, s.Name, s.OrganisationId })
            .SingleOrDefaultAsync(cancellationToken);
        if (service is null)
        {
            return null;
        }

        var inView = new ServiceInView(service.Id, service.Name, service.OrganisationId, RightsFor(service.OrganisationId));
        return inView.May(ServiceRight.See) ? inView : null;
    }

    /// <summary>The services whose referrals the user sifts: their own organisation's, if they may sift its services.</summary>
    public IQueryable<Service> Sifted()
    {
        var organisationId = user.OrganisationId;
        return organisationId is { } id && RightsFor(id).Has(ServiceRight.Sift) ? db.Services.Where(s => s.OrganisationId == id) : db.Services.Where(_ => false);
    }

    /// <summary>What the user may do with a service run by this organisation.</summary>
    public Rights<ServiceRight> RightsFor(Guid serviceOrganisationId)
    {
        var runs = user.OrganisationId == serviceOrganisationId;
        return new RightsBuilder<ServiceRight>()
            .Grant(ServiceRight.See, user.Holds(Capabilities.ViewServices))
            .Grant(ServiceRight.Sift, runs && user.Holds(Capabilities.ScreenReferrals))
            .Grant(ServiceRight.SeeCaseloads, runs && user.Holds(Capabilities.ScreenReferrals))
            .Grant(ServiceRight.Manage, administration.MayRun(serviceOrganisationId))
            .Build();
    }
}
