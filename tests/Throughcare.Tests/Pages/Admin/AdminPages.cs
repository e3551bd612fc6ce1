using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>An organisation's administrator, signed in, and a neighbouring organisation with a member of staff of its own.</summary>
public sealed record NeighbourScenario(TestUser Administrator, Browser Browser, Organisation Own, Organisation Other, TestUser Stranger);

/// <summary>Scenarios and look-ups shared by the administration pages' tests.</summary>
public static class AdminPages
{
    public const string StrongPassword = "violet orbit lantern 7714";

    public static async Task<NeighbourScenario> AdministratorWithNeighbourAsync(this ThroughcareFactory factory)
    {
        var data = new TestData(factory);
        var own = await data.CreateOrganisationAsync();
        var other = await data.CreateOrganisationAsync(OrganisationKind.NhsTrust);
        var administrator = await data.CreateUserAsync(own.Id, StaffRoles.Administrator);
        var stranger = await data.CreateUserAsync(other.Id, StaffRoles.Practitioner);
        return new NeighbourScenario(administrator, await Browser.SignInAsync(factory, administrator), own, other, stranger);
    }

    public static async Task<(TestUser User, Browser Browser)> PartnershipAdministratorAsync(this ThroughcareFactory factory)
    {
        var user = await new TestData(factory).CreateStaffAsync(StaffRoles.PartnershipAdministrator);
        return (user, await Browser.SignInAsync(factory, user));
    }

    /// <summary>The partnership administrators' actions listed for the organisation's data protection officer, oldest first.</summary>
    public static Task<List<AuditEvent>> PartnershipActionsOnAsync(this ThroughcareFactory factory, Guid organisationId) =>
        factory.WithDbAsync(db => (from p in db.PartnershipActions
                                   where p.OrganisationId == organisationId
                                   join a in db.AuditEvents on p.AuditEventId equals a.Id
                                   orderby a.Sequence
                                   select a).AsNoTracking().ToListAsync());

    public static Task<List<AuditEvent>> AuditOfAsync(this ThroughcareFactory factory, string recordType, Guid recordId, string? action = null) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.RecordType == recordType && a.RecordId == recordId.ToString() && (action == null || a.Action == action))
            .OrderBy(a => a.Sequence)
            .ToListAsync());

    /// <summary>The user's refused attempts on the record, as the audit trail keeps them.</summary>
    public static Task<List<AuditEvent>> DeniedAsync(this ThroughcareFactory factory, TestUser user, string recordType, Guid recordId) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.UserId == user.Id && a.Outcome == AuditOutcome.Denied && a.RecordType == recordType && a.RecordId == recordId.ToString())
            .ToListAsync());

    /// <summary>Every value any select, radio or checkbox on the page offers.</summary>
    public static IReadOnlyList<string> Choices(this IHtmlDocument document) =>
        [.. document.QuerySelectorAll("option").Select(o => o.GetAttribute("value") ?? ""),
            .. document.QuerySelectorAll("input[type=radio], input[type=checkbox]").Select(i => i.GetAttribute("value") ?? "")];

    public static Task<List<string>> RolesOfAsync(this ThroughcareFactory factory, Guid userId) =>
        factory.WithDbAsync(db => db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(r => r).ToListAsync());
}
