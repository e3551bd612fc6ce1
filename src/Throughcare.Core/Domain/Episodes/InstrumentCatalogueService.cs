using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.Episodes;

public sealed record AddInstrument
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Definition { get; init; }
}

public abstract record InstrumentOutcome
{
    public sealed record Saved(Guid Id) : InstrumentOutcome;

    /// <summary>The definition is not valid: one message per problem.</summary>
    public sealed record Invalid(IReadOnlyList<string> Errors) : InstrumentOutcome;

    public sealed record CodeTaken : InstrumentOutcome;

    public sealed record NotFound : InstrumentOutcome;
}

/// <summary>
/// The instruments a service can use: those Throughcare ships (seeded at start-up, OrganisationId null) and those an
/// organisation has added as definitions for its own licensed questionnaires.
/// </summary>
public sealed class InstrumentCatalogueService(ThroughcareDbContext db, AuditLog audit, CurrentUser user, TimeProvider time)
{
    /// <summary>Fixed keys, so that seeding on every start finds the same rows rather than adding new ones.</summary>
    public static readonly IReadOnlyList<(Guid Id, string Resource)> Shipped =
    [
        (new Guid("6f1d2a3e-9b0c-4c51-8e27-0a9d35c1f901"), "phq-9.json"),
        (new Guid("6f1d2a3e-9b0c-4c51-8e27-0a9d35c1f902"), "gad-7.json"),
        (new Guid("6f1d2a3e-9b0c-4c51-8e27-0a9d35c1f903"), "relationships-engagement.json"),
    ];

    public static string ShippedJson(string resource)
    {
        using var stream = typeof(InstrumentCatalogueService).Assembly.GetManifestResourceStream($"Throughcare.Instruments.{resource}")
            ?? throw new InvalidOperationException($"The shipped instrument {resource} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Adds the shipped instruments, or updates them when their definition has changed. Run as system at start-up.</summary>
    public async Task SeedShippedAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, resource) in Shipped)
        {
            var json = ShippedJson(resource);
            var definition = InstrumentDefinition.Parse(json).Definition
                ?? throw new InvalidOperationException($"The shipped instrument {resource} is not a valid definition.");
            var code = definition.Code ?? throw new InvalidOperationException($"The shipped instrument {resource} has no code.");
            var existing = await db.Instruments.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
            if (existing is null)
            {
                db.Instruments.Add(new Instrument { Id = id, Code = code, Name = definition.Name, Definition = json, CreatedAt = time.GetUtcNow().UtcDateTime });
            }
            else if (existing.Definition != json || existing.Code != code || existing.Name != definition.Name)
            {
                existing.Code = code;
                existing.Name = definition.Name;
                existing.Definition = json;
                existing.Version = Guid.NewGuid();
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node starting at the same moment may have seeded them first.
            if (!await AllShippedExistAsync(cancellationToken))
            {
                throw;
            }
        }
    }

    private async Task<bool> AllShippedExistAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var ids = Shipped.Select(s => s.Id).ToList();
        return await db.Instruments.CountAsync(i => ids.Contains(i.Id), cancellationToken) == ids.Count;
    }

    /// <summary>Shipped instruments and the organisation's own; retired ones only when asked for.</summary>
    public IQueryable<Instrument> For(Guid organisationId, bool includeRetired = false) =>
        db.Instruments.Where(i => (i.OrganisationId == null || i.OrganisationId == organisationId) && (includeRetired || !i.Retired));

    public async Task<InstrumentOutcome> AddAsync(AddInstrument options, CancellationToken cancellationToken)
    {
        var organisationId = user.OrganisationId ?? throw new InvalidOperationException("Only staff of an organisation add instruments.");
        var parsed = InstrumentDefinition.Parse(options.Definition);
        if (!parsed.IsValid)
        {
            return new InstrumentOutcome.Invalid(parsed.Errors);
        }

        // Codes choose the instrument on the recording page regardless of case, so "phq-9" would shadow PHQ-9.
        var code = options.Code.Trim();
        var upper = code.ToUpperInvariant();
        if (await For(organisationId, includeRetired: true).AnyAsync(i => i.Code.ToUpper() == upper, cancellationToken))
        {
            return new InstrumentOutcome.CodeTaken();
        }

        var instrument = new Instrument
        {
            Id = Guid.NewGuid(),
            Code = code,
            Name = options.Name.Trim(),
            Definition = options.Definition,
            OrganisationId = organisationId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Instruments.Add(instrument);
        audit.Record(new InstrumentAdded(instrument.Id, organisationId, code, instrument.Name, parsed.Definition!.Items.Count));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index caught a second add of the same code at the same moment.
            db.ChangeTracker.Clear();
            return new InstrumentOutcome.CodeTaken();
        }

        return new InstrumentOutcome.Saved(instrument.Id);
    }

    /// <summary>Retires (or brings back) one of the organisation's own instruments; the shipped ones cannot be retired.</summary>
    public async Task<InstrumentOutcome> SetRetiredAsync(Guid instrumentId, bool retired, CancellationToken cancellationToken)
    {
        var organisationId = user.OrganisationId;
        var instrument = await db.Instruments.SingleOrDefaultAsync(i => i.Id == instrumentId && i.OrganisationId != null && i.OrganisationId == organisationId, cancellationToken);
        if (instrument is null)
        {
            return new InstrumentOutcome.NotFound();
        }

        if (instrument.Retired != retired)
        {
            audit.Record(new InstrumentRetired(instrument.Id, instrument.OrganisationId!.Value, retired));
            instrument.Retired = retired;
            instrument.Version = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
        }

        return new InstrumentOutcome.Saved(instrument.Id);
    }
}
