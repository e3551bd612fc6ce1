using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Security;

namespace Throughcare.Web.Domain.Services;

/// <summary>What an administrator sets for a service. Document requirements map a document type to required (true) or optional (false).</summary>
public sealed record ServiceDefinition
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public int? MinimumAge { get; init; }
    public int? MaximumAge { get; init; }
    public IReadOnlyList<string> GenderIdentities { get; init; } = [];
    public bool RequiresOpdScreenedIn { get; init; }
    public IReadOnlyList<string> Boroughs { get; init; } = [];
    public ServiceSetting Setting { get; init; } = ServiceSetting.Either;
    public int MaximumEpisodeMonths { get; init; } = 18;
    public int CaseloadCapacity { get; init; } = 12;
    public bool AcceptingReferrals { get; init; } = true;
    public int ReviewIntervalMonths { get; init; } = 3;
    public int AtRiskMissedInARow { get; init; } = 3;
    public int AtRiskWeeksWithoutContact { get; init; } = 4;
    public int MinimumReengagementAttempts { get; init; } = 3;
    public IReadOnlyDictionary<string, bool> Documents { get; init; } = new Dictionary<string, bool>();
}

public abstract record ServiceOutcome
{
    public sealed record Saved(Guid ServiceId) : ServiceOutcome;

    public sealed record NameTaken : ServiceOutcome;

    public sealed record Conflict : ServiceOutcome;

    public sealed record NotFound : ServiceOutcome;
}

/// <summary>An organisation administrator's changes to the services their organisation runs.</summary>
public sealed class ServiceCatalogue(ThroughcareDbContext db, AuditLog audit, CurrentUser user, TimeProvider time)
{
    public async Task<ServiceOutcome> CreateAsync(ServiceDefinition definition, Guid submissionId, CancellationToken cancellationToken)
    {
        if (await db.Services.Where(s => s.SubmissionId == submissionId).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return new ServiceOutcome.Saved(existing);
        }

        var organisationId = user.RequireOrganisationId();
        if (await db.Services.AnyAsync(s => s.OrganisationId == organisationId && s.Name == definition.Name, cancellationToken))
        {
            return new ServiceOutcome.NameTaken();
        }

        var service = new Service { Id = Guid.NewGuid(), OrganisationId = organisationId, Name = definition.Name, CreatedAt = time.GetUtcNow().UtcDateTime, SubmissionId = submissionId };
        Apply(service, definition);
        db.Services.Add(service);
        audit.Add(AuditRecordTypes.Service, service.Id.ToString(), AuditActions.Create, details: new { changes = FieldChanges.Compare(Describe(new Service { Name = "" }), Describe(service)) });
        await db.SaveChangesAsync(cancellationToken);
        return new ServiceOutcome.Saved(service.Id);
    }

    public async Task<ServiceOutcome> UpdateAsync(Guid serviceId, Guid version, ServiceDefinition definition, CancellationToken cancellationToken)
    {
        var organisationId = user.RequireOrganisationId();
        var service = await db.Services.Include(s => s.Documents).SingleOrDefaultAsync(s => s.Id == serviceId && s.OrganisationId == organisationId, cancellationToken);
        if (service is null)
        {
            return new ServiceOutcome.NotFound();
        }

        if (service.Version != version)
        {
            return new ServiceOutcome.Conflict();
        }

        if (await db.Services.AnyAsync(s => s.OrganisationId == organisationId && s.Name == definition.Name && s.Id != serviceId, cancellationToken))
        {
            return new ServiceOutcome.NameTaken();
        }

        var before = Describe(service);
        db.RemoveRange(service.Documents);
        service.Documents = [];
        Apply(service, definition);
        // Added explicitly: EF would otherwise take a new child with its key already set for an existing row to update.
        db.AddRange(service.Documents);
        service.Version = Guid.NewGuid();
        audit.Add(AuditRecordTypes.Service, serviceId.ToString(), AuditActions.Update, details: new { changes = FieldChanges.Compare(before, Describe(service)) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ServiceOutcome.Saved(serviceId);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ServiceOutcome.Conflict();
        }
    }

    public Task<ServiceOutcome> AddStrandAsync(Guid serviceId, string name, string workerRole, CancellationToken cancellationToken) =>
        AddStrandAsync(serviceId, name, workerRole, null, cancellationToken);

    /// <summary>Adds a strand; its contacts draw on the given intervention list, or the usual one for the worker's role.</summary>
    public async Task<ServiceOutcome> AddStrandAsync(Guid serviceId, string name, string workerRole, string? interventionList, CancellationToken cancellationToken)
    {
        var organisationId = user.RequireOrganisationId();
        var service = await db.Services.Include(s => s.Strands).SingleOrDefaultAsync(s => s.Id == serviceId && s.OrganisationId == organisationId, cancellationToken);
        if (service is null)
        {
            return new ServiceOutcome.NotFound();
        }

        if (service.Strands.Any(s => s.Name == name))
        {
            return new ServiceOutcome.NameTaken();
        }

        var list = interventionList ?? ReferenceData.Interventions.DefaultListFor(workerRole);
        db.ServiceStrands.Add(new ServiceStrand { Id = Guid.NewGuid(), ServiceId = serviceId, Name = name, WorkerRole = workerRole, InterventionList = list });
        service.Version = Guid.NewGuid();
        audit.Add(AuditRecordTypes.Service, serviceId.ToString(), AuditActions.Update, details: new
        {
            changes = new[] { new FieldChange("Strand", null, $"{name} ({workerRole})"), new FieldChange($"Interventions for {name}", null, ReferenceData.Interventions.Lists.LabelFor(list) ?? list) },
        });
        await db.SaveChangesAsync(cancellationToken);
        return new ServiceOutcome.Saved(serviceId);
    }

    private static void Apply(Service service, ServiceDefinition d)
    {
        service.Name = d.Name;
        service.Description = d.Description;
        service.MinimumAge = d.MinimumAge;
        service.MaximumAge = d.MaximumAge;
        service.GenderIdentities = [.. d.GenderIdentities];
        service.RequiresOpdScreenedIn = d.RequiresOpdScreenedIn;
        service.Boroughs = [.. d.Boroughs];
        service.Setting = d.Setting;
        service.MaximumEpisodeMonths = d.MaximumEpisodeMonths;
        service.CaseloadCapacity = d.CaseloadCapacity;
        service.AcceptingReferrals = d.AcceptingReferrals;
        service.ReviewIntervalMonths = d.ReviewIntervalMonths;
        service.AtRiskMissedInARow = d.AtRiskMissedInARow;
        service.AtRiskWeeksWithoutContact = d.AtRiskWeeksWithoutContact;
        service.MinimumReengagementAttempts = d.MinimumReengagementAttempts;
        service.Documents = d.Documents.Select(kv => new ServiceDocumentRequirement { Id = Guid.NewGuid(), ServiceId = service.Id, DocumentType = kv.Key, Required = kv.Value }).ToList();
    }

    /// <summary>A flat description of the settings, so the audit shows each change as from and to.</summary>
    private static ServiceDescription Describe(Service s) => new()
    {
        Name = s.Name,
        Description = s.Description,
        Ages = s.MinimumAge is null && s.MaximumAge is null ? null : $"{s.MinimumAge?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"} to {s.MaximumAge?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"}",
        GenderIdentities = s.GenderIdentities.Count == 0 ? null : string.Join(", ", s.GenderIdentities),
        RequiresOpdScreenedIn = s.RequiresOpdScreenedIn,
        Boroughs = s.Boroughs.Count == 0 ? null : string.Join(", ", s.Boroughs),
        Setting = s.Setting.ToString(),
        MaximumEpisodeMonths = s.MaximumEpisodeMonths,
        CaseloadCapacity = s.CaseloadCapacity,
        AcceptingReferrals = s.AcceptingReferrals,
        ReviewIntervalMonths = s.ReviewIntervalMonths,
        AtRiskMissedInARow = s.AtRiskMissedInARow,
        AtRiskWeeksWithoutContact = s.AtRiskWeeksWithoutContact,
        MinimumReengagementAttempts = s.MinimumReengagementAttempts,
        Documents = s.Documents.Count == 0 ? null : string.Join(", ", s.Documents.OrderBy(x => x.DocumentType, StringComparer.Ordinal).Select(x => $"{x.DocumentType} ({(x.Required ? "required" : "optional")})")),
    };

    private sealed record ServiceDescription
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "Name")] public string? Name { get; init; }
        [System.ComponentModel.DataAnnotations.Display(Name = "Description")] public string? Description { get; init; }
        [System.ComponentModel.DataAnnotations.Display(Name = "Ages")] public string? Ages { get; init; }
        [System.ComponentModel.DataAnnotations.Display(Name = "Gender identities")] public string? GenderIdentities { get; init; }
        [System.ComponentModel.DataAnnotations.Display(Name = "Must be screened in to the OPD pathway")] public bool RequiresOpdScreenedIn { get; init; }
        [System.ComponentModel.DataAnnotations.Display(Name = "Boroughs")] public string? Boroughs { get; init; }
        [System.ComponentModel.DataAnnotations.Display(Name = "Custody or community")] public string? Setting { get; init; }
        [System.ComponentModel.DataAnnotations.Display(Name = "Longest episode (months)")] public int MaximumEpisodeMonths { get; init; }
        [System.ComponentModel.DataAnnotations.Display(Name = "Caseload capacity")] public int CaseloadCapacity { get; init; }
        [System.ComponentModel.DataAnnotations.Display(Name = "Accepting referrals")] public bool AcceptingReferrals { get; init; }
        [System.ComponentModel.DataAnnotations.Display(Name = "Review interval (months)")] public int ReviewIntervalMonths { get; init; }
        [System.ComponentModel.DataAnnotations.Display(Name = "At risk after did-not-attends in a row")] public int AtRiskMissedInARow { get; init; }
        [System.ComponentModel.DataAnnotations.Display(Name = "At risk after weeks without contact")] public int AtRiskWeeksWithoutContact { get; init; }
        [System.ComponentModel.DataAnnotations.Display(Name = "Minimum re-engagement attempts")] public int MinimumReengagementAttempts { get; init; }
        [System.ComponentModel.DataAnnotations.Display(Name = "Documents")] public string? Documents { get; init; }
    }
}
