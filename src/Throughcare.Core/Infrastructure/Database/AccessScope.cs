using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Infrastructure.Database;

/// <summary>
/// Whose records a unit of work may see. Closed by default: the signed-in user's organisation, read when each query
/// runs (so a user authenticated late in the pipeline, such as an API token, still applies), or an explicit system
/// task. With neither, the people register answers nothing.
/// </summary>
public sealed class AccessScope(CurrentUser user, TimeProvider time)
{
    private Guid? _organisationId;

    public Guid? OrganisationId => _organisationId ?? user.OrganisationId;

    public bool IsSystem { get; private set; }

    /// <summary>The instant care roles are judged at: a role whose end has passed no longer opens anything.</summary>
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public void ForOrganisation(Guid organisationId) => _organisationId = organisationId;

    /// <summary>For start-up, seeding and maintenance commands only; never for a web request.</summary>
    public void AsSystem() => IsSystem = true;

    /// <summary>A scope that sees nothing, for design-time tools.</summary>
    public static AccessScope Closed() => new(new CurrentUser(new HttpContextAccessor()), TimeProvider.System);
}
