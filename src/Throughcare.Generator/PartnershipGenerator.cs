using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Generator;

public sealed record GeneratorOptions
{
    public required GeneratorScale Scale { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>The moment the partnership's history runs up to (UTC): the same seed and moment make the same data.</summary>
    public required DateTime Now { get; init; }

    /// <summary>Every generated member of staff signs in with the one password this hash is of.</summary>
    public required string PasswordHash { get; init; }
}

public sealed record TableFigures(string Table, long Rows, TimeSpan Writing)
{
    public double RowsPerSecond => Writing.TotalSeconds > 0 ? Rows / Writing.TotalSeconds : 0;
}

public sealed record GeneratorResult(IReadOnlyList<TableFigures> Tables, TimeSpan Elapsed, long DatabaseBytes, long AuditHead, string AuditHeadHash, Partnership Partnership)
{
    public long Rows => Tables.Sum(t => t.Rows);
}

/// <summary>
/// Fills a migrated, empty Throughcare database with a synthetic partnership: the partnership first, then people in
/// batches made on one thread while the previous batch is written on another, each batch's audit rows sealed into the
/// chain by the application's own <see cref="AuditChain"/> in time order, then written table by table in foreign key order.
/// </summary>
public static class PartnershipGenerator
{
    public static async Task<GeneratorResult> RunAsync(ThroughcareDbContext db, string connectionString, GeneratorOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(cancellationToken) || await db.AuditEvents.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already holds a partnership: generate into a new, empty database.");
        }

        var pathways = await db.ResettlementPathways.AsNoTracking().Where(p => !p.Retired).OrderBy(p => p.Position).Select(p => p.Code).ToListAsync(cancellationToken);
        var tables = TableShape.InForeignKeyOrder(db.Model);
        await using IBulkLoader loader = db is PostgresThroughcareDbContext
            ? await PostgresBulkLoader.OpenAsync(connectionString, cancellationToken)
            : await SqliteBulkLoader.OpenAsync(connectionString, cancellationToken);

        var clock = Stopwatch.StartNew();
        var scale = options.Scale;
        var figures = tables.ToDictionary(t => t, t => (Rows: 0L, Writing: TimeSpan.Zero));
        var chain = (Sequence: 0L, Hash: AuditChain.Genesis);
        var first = new Batch(-1);
        var partnership = Partnership.Build(scale, new Faker("en_GB") { Random = new Randomizer(options.Seed) }, first, pathways, options.PasswordHash,
            options.Now.AddYears(-scale.YearsOfHistory).AddDays(-60));
        chain = await WriteAsync(first);

        var generator = new CareGenerator(partnership, scale, options.Now, options.Seed);
        var batches = (scale.People + scale.PeoplePerBatch - 1) / scale.PeoplePerBatch;
        var made = Channel.CreateBounded<Batch>(2);
        var making = Task.Run(async () =>
        {
            try
            {
                for (var b = 0; b < batches; b++)
                {
                    var from = b * scale.PeoplePerBatch;
                    await made.Writer.WriteAsync(generator.Generate(b, from, Math.Min(scale.People, from + scale.PeoplePerBatch)), cancellationToken);
                }

                made.Writer.Complete();
            }
            catch (Exception e)
            {
                made.Writer.Complete(e);
            }
        }, cancellationToken);

        var reported = 0;
        await foreach (var batch in made.Reader.ReadAllAsync(cancellationToken))
        {
            chain = await WriteAsync(batch);
            var done = Math.Min(scale.People, (batch.Number + 1) * scale.PeoplePerBatch);
            if (done * 10 / scale.People > reported)
            {
                reported = done * 10 / scale.People;
                var rows = figures.Values.Sum(f => f.Rows);
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{done,9:N0} people, {rows,12:N0} rows, {clock.Elapsed.TotalSeconds,7:N1} s, {rows / clock.Elapsed.TotalSeconds,9:N0} rows/s"));
            }
        }

        await making;
        await loader.FinishAsync(cancellationToken);
        var size = await loader.SizeAsync(cancellationToken);
        return new GeneratorResult([.. figures.Where(f => f.Value.Rows > 0).Select(f => new TableFigures(f.Key.Name, f.Value.Rows, f.Value.Writing))],
            clock.Elapsed, size, chain.Sequence, chain.Hash, partnership);

        async Task<(long, string)> WriteAsync(Batch batch)
        {
            // Within a batch the trail reads in time order; the chain links the batches in the order they are written.
            var audit = batch.Audit.OrderBy(a => a.OccurredAt).ToList();
            AuditChain.Seal(audit, chain.Sequence, chain.Hash);
            batch.Rows[typeof(AuditEvent)] = [.. audit];
            foreach (var table in tables)
            {
                if (batch.Rows.TryGetValue(table.EntityType.ClrType, out var rows) && rows.Count > 0)
                {
                    var started = Stopwatch.GetTimestamp();
                    await loader.WriteAsync(table, rows, cancellationToken);
                    var (count, writing) = figures[table];
                    figures[table] = (count + rows.Count, writing + Stopwatch.GetElapsedTime(started));
                }
            }

            return audit.Count == 0 ? chain : (audit[^1].Sequence, audit[^1].Hash);
        }
    }
}
