using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure;

namespace Throughcare.Tests.Platform;

/// <summary>The group commit of reads' audit rows (ADR 22): every row once, in one valid chain, each request answered for its own rows.</summary>
public sealed class AuditAppenderTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private static AuditEvent Read(string marker, int index) => new()
    {
        OccurredAt = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc),
        RecordType = AuditRecordTypes.Person,
        RecordId = $"{marker}-{index}",
        Action = AuditActions.View,
        CorrelationId = marker,
    };

    private Task<List<AuditEvent>> RowsAsync(string marker) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.CorrelationId == marker).OrderBy(a => a.Sequence).ToListAsync());

    [Fact]
    public async Task ManyRequestsAtOnce_EachReturnsAfterItsRowsCommit_AndTheChainStaysWhole()
    {
        var appender = factory.Services.GetRequiredService<AuditAppender>();
        var marker = Guid.NewGuid().ToString("N");

        // Sixty requests of one to three rows each, all offered before any is awaited.
        var requests = Enumerable.Range(0, 60).Select(r => Enumerable.Range(0, 1 + (r % 3)).Select(i => Read(marker, (r * 10) + i)).ToList()).ToList();
        await Task.WhenAll(requests.Select(rows => appender.AppendAsync(rows, CancellationToken.None)));

        var stored = await RowsAsync(marker);
        stored.Select(a => a.RecordId).ShouldBe(requests.SelectMany(r => r).Select(a => a.RecordId), ignoreOrder: true);
        stored.Select(a => a.Sequence).Distinct().Count().ShouldBe(stored.Count);

        // A request's rows are consecutive in the chain, in the order the request gave them.
        foreach (var rows in requests)
        {
            var sequences = rows.Select(row => stored.Single(s => s.RecordId == row.RecordId).Sequence).ToList();
            sequences.ShouldBe(Enumerable.Range(0, rows.Count).Select(i => sequences[0] + i));
        }

        (await factory.WithDbAsync(db => MaintenanceCommands.VerifyAuditChainAsync(db, CancellationToken.None))).FirstBreak.ShouldBeNull();
    }

    [Fact]
    public async Task RowsThatCannotBeWritten_FailTheirOwnRequestOnly()
    {
        var appender = factory.Services.GetRequiredService<AuditAppender>();
        var marker = Guid.NewGuid().ToString("N");
        var unwritable = Read(marker, 0);
        unwritable.RecordType = null!;

        var before = appender.AppendAsync([Read(marker, 1)], CancellationToken.None);
        var failing = appender.AppendAsync([unwritable], CancellationToken.None);
        var after = appender.AppendAsync([Read(marker, 2), Read(marker, 3)], CancellationToken.None);

        await Should.ThrowAsync<DbUpdateException>(failing);
        await before;
        await after;
        (await RowsAsync(marker)).Select(a => a.RecordId).ShouldBe([$"{marker}-1", $"{marker}-2", $"{marker}-3"]);
        (await factory.WithDbAsync(db => MaintenanceCommands.VerifyAuditChainAsync(db, CancellationToken.None))).FirstBreak.ShouldBeNull();
    }

    [Fact]
    public async Task ReadsSavedInsideARequestsOwnTransaction_CommitOrRollBackWithIt()
    {
        var data = new TestData(factory);
        var person = await data.CreatePersonAsync((await data.CreateOrganisationAsync()).Id);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();
        var reads = scope.ServiceProvider.GetRequiredService<ReadAudit>();
        var marker = Guid.NewGuid();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            reads.Shown(AuditRecordTypes.Person, marker, person);
            await reads.SaveAsync(CancellationToken.None);
            await transaction.RollbackAsync();
        }

        // Through the appender the row would have committed on its own; in the transaction it rolled back with it.
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordId == marker.ToString()))).ShouldBe(0);

        reads.Shown(AuditRecordTypes.Person, marker, person);
        await reads.SaveAsync(CancellationToken.None);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordId == marker.ToString()))).ShouldBe(1);
    }
}
