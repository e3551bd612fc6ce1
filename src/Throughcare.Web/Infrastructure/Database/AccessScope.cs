namespace Throughcare.Web.Infrastructure.Database;

/// <summary>
/// Whose records a unit of work may see. Closed by default: until a signed-in user's organisation or an explicit
/// system task is set, the people register answers nothing.
/// </summary>
public sealed class AccessScope
{
    public Guid? OrganisationId { get; private set; }
    public bool IsSystem { get; private set; }

    public void ForOrganisation(Guid organisationId) => OrganisationId = organisationId;

    /// <summary>For start-up, seeding and maintenance commands only; never for a web request.</summary>
    public void AsSystem() => IsSystem = true;
}
