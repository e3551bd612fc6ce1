using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure;

namespace Throughcare.Tests.Platform;

/// <summary>The audit chain's head is anchored outside the database, so verification sees rows removed from its end.</summary>
public sealed class AuditAnchorTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task IntactChain_VerifiesAndMatchesItsAnchor()
    {
        await AuditVerifier.WriteRowsAsync(factory, people: 3);

        var (exitCode, output) = await AuditVerifier.RunAsync(factory);

        exitCode.ShouldBe(0, output);
        var head = await factory.WithDbAsync(db => db.AuditEvents.MaxAsync(a => a.Sequence));
        output.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"matches its anchor at sequence {head}"));
        var folder = Path.Combine(factory.Database.DataDirectory, "audit-anchors");
        Directory.GetFiles(folder, "*" + AuditAnchorStore.FileExtension).ShouldNotBeEmpty();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(folder, AuditAnchorStore.KeyFileName)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}

/// <summary>Deleting the newest rows, as the table's owner can once the trigger is out of the way: needs a database of its own.</summary>
public sealed class AuditTruncationTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task DeletingTheNewestRows_IsReportedByVerifyAudit()
    {
        await AuditVerifier.WriteRowsAsync(factory, people: 5);

        (await AuditVerifier.RunAsync(factory)).ExitCode.ShouldBe(0);
        var head = await factory.WithDbAsync(db => db.AuditEvents.MaxAsync(a => a.Sequence));

        var keep = head - 2;
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres
            ? $"ALTER TABLE \"AuditEvents\" DISABLE TRIGGER USER; DELETE FROM \"AuditEvents\" WHERE \"Sequence\" > {keep};"
            : $"DROP TRIGGER AuditEvents_NoDelete; DELETE FROM AuditEvents WHERE Sequence > {keep};"));

        (await factory.WithDbAsync(db => MaintenanceCommands.VerifyAuditChainAsync(db, CancellationToken.None))).FirstBreak.ShouldBeNull();
        var (exitCode, output) = await AuditVerifier.RunAsync(factory);
        exitCode.ShouldBe(1);
        output.ShouldContain("TAMPERED");
        output.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"the chain ends at {keep}"));
        output.ShouldContain("audit rows have been removed");
    }
}

/// <summary>Rewriting the newest row and recomputing its hash keeps the chain whole, but not the anchor, whose key the database never held.</summary>
public sealed class AuditRewriteTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task RewritingTheNewestRowWithAValidHash_IsReportedByVerifyAudit()
    {
        await AuditVerifier.WriteRowsAsync(factory, people: 1);
        var newest = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().OrderByDescending(a => a.Sequence).FirstAsync());
        newest.Purpose = "rewritten";
        var forged = AuditChain.ComputeHash(newest);

        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres
            ? "ALTER TABLE \"AuditEvents\" DISABLE TRIGGER USER"
            : "DROP TRIGGER AuditEvents_NoUpdate"));
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditEvents\" SET \"Purpose\" = 'rewritten', \"Hash\" = {0} WHERE \"Sequence\" = {1}", forged, newest.Sequence));

        (await factory.WithDbAsync(db => MaintenanceCommands.VerifyAuditChainAsync(db, CancellationToken.None))).FirstBreak.ShouldBeNull();
        var (exitCode, output) = await AuditVerifier.RunAsync(factory);
        exitCode.ShouldBe(1);
        output.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"row {newest.Sequence} does not match its anchor"));
    }
}

internal static class AuditVerifier
{
    /// <summary>Audited writes through the application: a member of staff and the people they add.</summary>
    public static async Task WriteRowsAsync(ThroughcareFactory factory, int people)
    {
        var data = new TestData(factory);
        var user = await data.CreateStaffAsync(StaffRoles.Practitioner);
        for (var i = 0; i < people; i++)
        {
            await data.CreatePersonAsync(user.OrganisationId);
        }
    }

    /// <summary>Runs the verify-audit command against the test host's database and anchors.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(ThroughcareFactory factory)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await MaintenanceCommands.VerifyAuditAsync(factory.Services, output, output);
        return (exitCode, output.ToString());
    }
}
