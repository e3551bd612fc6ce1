using System.Security.Claims;

namespace Throughcare.Core.Infrastructure.Security;

public static class ThroughcareClaims
{
    public const string OrganisationId = "throughcare:org";
    public const string OrganisationName = "throughcare:org-name";
    public const string DisplayName = "throughcare:name";
    public const string SessionId = "throughcare:sid";
}

/// <summary>The signed-in member of staff acting in this request, as the audit trail records them.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsSignedIn => Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? UserName => Principal?.FindFirstValue(ClaimTypes.Name);

    public string? DisplayName => Principal?.FindFirstValue(ThroughcareClaims.DisplayName);

    public Guid? OrganisationId => Guid.TryParse(Principal?.FindFirstValue(ThroughcareClaims.OrganisationId), out var id) ? id : null;

    public string? OrganisationName => Principal?.FindFirstValue(ThroughcareClaims.OrganisationName);

    public IReadOnlyList<string> Roles => Principal?.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToList() ?? [];

    public string? CorrelationId => accessor.HttpContext?.TraceIdentifier;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    /// <summary>Whether one of the user's roles carries the capability (the table in <see cref="Domain.Accounts.Capabilities"/>).</summary>
    public bool Holds(string capability) =>
        Domain.Accounts.Capabilities.Roles.TryGetValue(capability, out var roles) && roles.Any(r => Principal?.IsInRole(r) == true);

    public string? ClientRequestId => CorrelationIds.ClientRequestId(accessor.HttpContext);

    public Guid RequireUserId() => UserId ?? throw new InvalidOperationException("A signed-in user is required.");

    public Guid RequireOrganisationId() => OrganisationId ?? throw new InvalidOperationException("A signed-in user is required.");
}
