using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Throughcare.Core.Domain.Audit;

namespace Throughcare.Tests.Domain;

/// <summary>The client request id joined the hash after rows were written without it: those rows must still verify.</summary>
public sealed class AuditChainTests
{
    private static AuditEvent Row(string? clientRequestId) => new()
    {
        Sequence = 7,
        OccurredAt = new DateTime(2026, 11, 22, 9, 30, 15, DateTimeKind.Utc).AddTicks(1234560),
        UserId = Guid.Parse("6f1c2a4e-0d5b-4c3e-9a7f-1b2c3d4e5f60"),
        UserName = "practitioner@example.test",
        OrganisationId = Guid.Parse("0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"),
        Role = "Practitioner",
        PersonId = null,
        RecordType = AuditRecordTypes.Person,
        RecordId = "42",
        Action = AuditActions.View,
        Outcome = AuditOutcome.Success,
        Purpose = null,
        CorrelationId = "4be0643f1d98573b97cdca98a65347dd",
        ClientRequestId = clientRequestId,
        Details = "{\"view\":\"summary\"}",
        PreviousHash = new string('a', 64),
    };

    [Fact]
    public void RowWithoutAClientRequestId_HashesAsRowsDidBeforeTheColumnExisted()
    {
        var row = Row(null);
        var fields = string.Join('\u001f',
            "7", (row.OccurredAt.Ticks / 10).ToString(CultureInfo.InvariantCulture), row.UserId.ToString(), row.UserName,
            row.OrganisationId.ToString(), row.Role, "\u2400", row.RecordType, row.RecordId, row.Action, "Success", "\u2400",
            row.CorrelationId, row.Details, row.PreviousHash);

        AuditChain.ComputeHash(row).ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fields))));
    }

    [Fact]
    public void ClientRequestId_IsCoveredByTheHash()
    {
        var without = AuditChain.ComputeHash(Row(null));
        var with = AuditChain.ComputeHash(Row("partner-42"));

        with.ShouldNotBe(without);
        AuditChain.ComputeHash(Row("partner-43")).ShouldNotBe(with);
        AuditChain.ComputeHash(Row("")).ShouldNotBe(without);
    }
}
