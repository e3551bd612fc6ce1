using System.Linq.Expressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.Referrals;

public enum ReferralRight
{
    /// <summary>Open the referral: its answers, documents and decision.</summary>
    See,

    /// <summary>Read what the receiving service recorded while screening (notes, overrides): the referrer never does.</summary>
    SeeScreening,

    /// <summary>Change a draft's answers and documents, or answer a request for information, and send it.</summary>
    Edit,

    /// <summary>Withdraw an open referral.</summary>
    Withdraw,

    /// <summary>Screen and decide the referral.</summary>
    Screen,

    /// <summary>Allocate workers to an accepted referral, opening the episode.</summary>
    Allocate,
}

/// <summary>A referral as the current user may see it.</summary>
public sealed record ReferralInView(
    Guid Id, Guid PersonId, Guid ServiceId, string ServiceName, Guid ServiceOrganisationId, Guid ReferringOrganisationId,
    ReferralState State, Guid Version, Rights<ReferralRight> Rights, Rights<ReferralRight> InAnyState) : IRecordInView
{
    public string RecordType => AuditRecordTypes.Referral;

    public string StateLabel => ReferralStates.Label(State);

    public bool Allows(Enum right) => Rights.Has(right);

    public bool AllowsInAnotherState(Enum right) => InAnyState.Has(right);

    public bool May(ReferralRight right) => Rights.Has(right);

    /// <summary>Staff of the receiving service's organisation.</summary>
    public bool ViewerIsReceiving => Rights.Has(ReferralRight.SeeScreening);
}

/// <summary>
/// Who may see and change a referral: the one place that answers it, for pages, the API and the timeline. The referring
/// organisation and the receiving service's organisation find it (the database's access filter, which also asks for
/// an active care role); the receiving service sees it only once it is sent; the referrer writes the referral and may
/// withdraw it; the receiving managers screen, decide and allocate.
/// </summary>
public sealed class ReferralAccess(ThroughcareDbContext db, CurrentUser user) : IRecordAccess
{
    /// <summary>
    /// The database's part of this decision: the referring organisation and the receiving service's organisation find a
    /// referral, and only while they hold an active role in the person's care.
    /// </summary>
    public static readonly Expression<Func<ThroughcareDbContext, Referral, bool>> Filter = AccessFilter.Where<Referral>(
        (db, r) => db.AccessIsSystem || r.ReferringOrganisationId == db.AccessOrganisationId || r.Service!.OrganisationId == db.AccessOrganisationId,
        (db, r) => r.PersonId,
        PersonAccess.HoldsCareRole);

    public string RouteKey => "referralId";

    public int Precedence => 50;

    public string RecordType => AuditRecordTypes.Referral;

    public Enum SeeRight => ReferralRight.See;

    /// <summary>The referrals the user may list: every one the access filter finds, less other organisations' drafts.</summary>
    public IQueryable<Referral> Listable
    {
        get
        {
            var organisationId = user.OrganisationId;
            return db.Referrals.Where(r => r.State != ReferralState.Draft || r.ReferringOrganisationId == organisationId);
        }
    }

    /// <summary>The referrals the user's own organisation made, its drafts among them, as far as the user may list them.</summary>
    public IQueryable<Referral> Made
    {
        get
        {
            var organisationId = user.OrganisationId;
            return Listable.Where(r => r.ReferringOrganisationId == organisationId);
        }
    }

    /// <summary>The referrals sent to a service (never drafts), as far as the user may list them: its own organisation's sift.</summary>
    public IQueryable<Referral> SentTo(Guid serviceId) => Listable.Where(r => r.ServiceId == serviceId && r.State != ReferralState.Draft);

    /// <summary>What the current user may do with a listed referral between these organisations, in this state.</summary>
    public Rights<ReferralRight> RightsFor(Guid referringOrganisationId, Guid serviceOrganisationId, ReferralState state) =>
        RightsFor(user, referringOrganisationId, serviceOrganisationId, state);

    public async Task<IRecordInView?> FindAsync(Guid id, RouteValueDictionary routeValues, CancellationToken cancellationToken)
    {
        var referral = await FindAsync(id, cancellationToken);

        // A document named in the route must be one of this referral's.
        if (referral is not null && routeValues.TryGetValue("documentId", out var raw)
            && !(Guid.TryParse(raw as string, out var documentId) && await db.ReferralDocuments.AnyAsync(d => d.Id == documentId && d.ReferralId == id, cancellationToken)))
        {
            return null;
        }

        return referral;
    }

    public async Task<ReferralInView?> FindAsync(Guid referralId, CancellationToken cancellationToken) =>
        (await InViewAsync(db.Referrals.Where(r => r.Id == referralId), cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<IRecordInView>> ListForPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        await InViewAsync(db.Referrals.Where(r => personIds.Contains(r.PersonId)), cancellationToken);

    /// <summary>The referrals among these that the user may see, each with its rights.</summary>
    private async Task<List<ReferralInView>> InViewAsync(IQueryable<Referral> referrals, CancellationToken cancellationToken)
    {
        var found = await referrals.AsNoTracking()
            .Select(r => new { r.Id, r.PersonId, r.ServiceId, ServiceName = r.Service!.Name, r.Service.OrganisationId, r.ReferringOrganisationId, r.State, r.Version })
            .ToListAsync(cancellationToken);
        return found
            .Select(r => new ReferralInView(r.Id, r.PersonId, r.ServiceId, r.ServiceName, r.OrganisationId, r.ReferringOrganisationId, r.State, r.Version,
                RightsFor(user, r.ReferringOrganisationId, r.OrganisationId, r.State),
                Rights<ReferralRight>.InAny(Enum.GetValues<ReferralState>().Select(s => RightsFor(user, r.ReferringOrganisationId, r.OrganisationId, s)))))
            .Where(r => r.May(ReferralRight.See))
            .ToList();
    }

    /// <summary>What the user may do with a referral between these organisations, in this state.</summary>
    public static Rights<ReferralRight> RightsFor(CurrentUser user, Guid referringOrganisationId, Guid serviceOrganisationId, ReferralState state)
    {
        var referring = user.OrganisationId == referringOrganisationId;

        // A draft is the referrer's alone until it is sent.
        var receiving = user.OrganisationId == serviceOrganisationId && (state != ReferralState.Draft || referring);
        var staff = user.Holds(Capabilities.ViewServices);
        return new RightsBuilder<ReferralRight>()
            .Grant(ReferralRight.See, staff && (referring || receiving))
            .Grant(ReferralRight.SeeScreening, staff && receiving)
            .Grant(ReferralRight.Edit, referring && user.Holds(Capabilities.MakeReferrals) && ReferralStates.IsEditable(state))
            .Grant(ReferralRight.Withdraw, referring && user.Holds(Capabilities.MakeReferrals) && ReferralStates.IsOpen(state))
            .Grant(ReferralRight.Screen, receiving && user.Holds(Capabilities.ScreenReferrals))
            .Grant(ReferralRight.Allocate, receiving && user.Holds(Capabilities.ScreenReferrals))
            .Build();
    }
}
