using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Organisations;

[StoredLength(40)]
public enum OrganisationKind
{
    NhsTrust,
    Probation,
    Prison,
    LocalAuthority,
    Police,
    Court,
    VoluntarySector,
    Commissioner,
}

public sealed class Organisation
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    public bool RequireTwoFactor { get; set; }

    /// <summary>
    /// The borough a local authority serves (a <see cref="ReferenceData.Boroughs"/> code): it gains a role in the care of
    /// people due for release to that borough, and its staff read that borough's release lists.
    /// </summary>
    public string? Borough { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public Guid? SubmissionId { get; set; }
    public List<Team> Teams { get; set; } = [];
}

public sealed class Team
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class OrganisationKinds
{
    public static string Label(OrganisationKind kind) => kind switch
    {
        OrganisationKind.NhsTrust => "NHS trust",
        OrganisationKind.Probation => "Probation service",
        OrganisationKind.Prison => "Prison",
        OrganisationKind.LocalAuthority => "Local authority",
        OrganisationKind.Police => "Police",
        OrganisationKind.Court => "Court",
        OrganisationKind.VoluntarySector => "Voluntary sector",
        OrganisationKind.Commissioner => "Commissioner",
        _ => kind.ToString(),
    };
}
