namespace Throughcare.Core.Domain.Accounts;

/// <summary>
/// A bearer token for a partner system, issued to an organisation's integration user by an administrator. Only its
/// SHA-256 hash is stored; the token itself is shown once. Revocable; each use is audited.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
