using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Throughcare.Core.Infrastructure.Database;

public enum IdempotencyState
{
    InFlight,
    Completed,
}

/// <summary>An Idempotency-Key one API client has used: the request it came with and, once answered, the answer.</summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 255;

    /// <summary>The organisation's integration user, whichever of its tokens sent the request.</summary>
    public Guid ClientId { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of the method, path and body, in hex.</summary>
    public required string Fingerprint { get; set; }

    public IdempotencyState State { get; set; }

    /// <summary>Until when the request in flight holds the key; after it, a retry may take the key over.</summary>
    public DateTime LeaseUntil { get; set; }

    public int? StatusCode { get; set; }

    public string? Location { get; set; }

    public string? ContentType { get; set; }

    public string? Body { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? CompletedAt { get; set; }
}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("IdempotencyRecords");
        b.HasKey(r => new { r.ClientId, r.Key });
        b.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        b.Property(r => r.Fingerprint).HasMaxLength(64);
        b.Property(r => r.State).HasMaxLength(20);
        b.Property(r => r.Location).HasMaxLength(2000);
        b.Property(r => r.ContentType).HasMaxLength(200);
        b.HasIndex(r => r.CreatedAt);
    }
}
