using Microsoft.AspNetCore.Identity;
using Throughcare.Core.Domain.Organisations;

namespace Throughcare.Core.Domain.Accounts;

public sealed class ApplicationUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public Guid? TeamId { get; set; }
    public Team? Team { get; set; }
    public DateTime? DisabledAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool IsDisabled => DisabledAt is not null;

    /// <summary>What the person does (a JobRoles code): matched against a service strand's worker role.</summary>
    public string? JobRole { get; set; }

    /// <summary>Languages the worker speaks (Languages codes), for matching people who prefer another language.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>The worker's gender identity, for people who state a preference; optional.</summary>
    public string? GenderIdentity { get; set; }

    /// <summary>Set for an organisation's integration user, whose API tokens partner systems use.</summary>
    public bool IsIntegration { get; set; }
}

/// <summary>A signed-in browser session, held on the server so that sign-out and disabling revoke it everywhere.</summary>
public sealed class UserSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime AbsoluteExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
