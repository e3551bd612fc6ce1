using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.Services;

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

/// <summary>
/// An organisation administrator's changes to the services their organisation runs. Each asks <see cref="ServiceAccess"/>
/// whether the user manages the service, and writes its typed audit event in the same unit of work as the change.
/// </summary>
public sealed class ServiceCatalogue(ThroughcareDbContext db, AuditLog audit, ServiceAccess access, CurrentUser user, TimeProvider time)
{
    public const string NameTaken = "Your organisation already runs a service with this name";

    public const string SubmissionUsed = "This form has already been used. Check the details and select Add service to add it";

    public async Task<WriteResult> CreateAsync(ServiceDefinition definition, Guid submissionId, CancellationToken cancellationToken)
    {
        var organisationId = user.RequireOrganisationId();
        if (await SubmittedAsync(submissionId, cancellationToken) is { } existing)
        {
            // Submission ids are unique across every organisation's services: another organisation's is a replayed form.
            return existing.OrganisationId == organisationId ? new WriteResult.Done(existing.Id) : new WriteResult.Refused(SubmissionUsed, "");
        }

        if (await db.Services.AnyAsync(s => s.OrganisationId == organisationId && s.Name == definition.Name, cancellationToken))
        {
            return new WriteResult.Refused(NameTaken);
        }

        var service = new Service { Id = Guid.NewGuid(), OrganisationId = organisationId, Name = definition.Name, CreatedAt = time.GetUtcNow().UtcDateTime, SubmissionId = submissionId };
        Apply(service, definition);
        db.Services.Add(service);
        audit.Record(new ServiceCreated(service.Id, organisationId, FieldChanges.Compare(new ServiceSettings(), ServiceSettings.Of(service))));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new WriteResult.Done(service.Id);
        }
        catch (DbUpdateException)
        {
            // The same form sent twice at once: the other request's insert won the submission id's unique index.
            db.ChangeTracker.Clear();
            return await SubmittedAsync(submissionId, cancellationToken) is { } winner && winner.OrganisationId == organisationId ? new WriteResult.Done(winner.Id) : new WriteResult.Refused(NameTaken);
        }
    }

    public async Task<WriteResult> UpdateAsync(Guid serviceId, Guid version, ServiceDefinition definition, CancellationToken cancellationToken)
    {
        if (!await MayManageAsync(serviceId, cancellationToken))
        {
            return new WriteResult.NotFound();
        }

        var service = await db.Services.Include(s => s.Documents).SingleAsync(s => s.Id == serviceId, cancellationToken);
        if (service.Version != version)
        {
            return new WriteResult.Conflict();
        }

        if (await db.Services.AnyAsync(s => s.OrganisationId == service.OrganisationId && s.Name == definition.Name && s.Id != serviceId, cancellationToken))
        {
            return new WriteResult.Refused(NameTaken);
        }

        var before = ServiceSettings.Of(service);
        db.RemoveRange(service.Documents);
        service.Documents = [];
        Apply(service, definition);
        // Added explicitly: EF would otherwise take a new child with its key already set for an existing row to update.
        db.AddRange(service.Documents);
        service.Version = Guid.NewGuid();
        audit.Record(new ServiceUpdated(serviceId, FieldChanges.Compare(before, ServiceSettings.Of(service))));
        return await db.SaveOrConflictAsync(new WriteResult.Done(serviceId), cancellationToken);
    }

    /// <summary>Adds a strand; its contacts draw on the given intervention list, or the usual one for the worker's role.</summary>
    public async Task<WriteResult> AddStrandAsync(Guid serviceId, string name, string workerRole, string? interventionList, CancellationToken cancellationToken)
    {
        if (!await MayManageAsync(serviceId, cancellationToken))
        {
            return new WriteResult.NotFound();
        }

        var service = await db.Services.Include(s => s.Strands).SingleAsync(s => s.Id == serviceId, cancellationToken);
        if (service.Strands.Any(s => s.Name == name))
        {
            return new WriteResult.Refused("This service already has a strand with this name");
        }

        var list = interventionList ?? ReferenceData.Interventions.DefaultListFor(workerRole);
        var strand = db.ServiceStrands.Add(new ServiceStrand { Id = Guid.NewGuid(), ServiceId = serviceId, Name = name, WorkerRole = workerRole, InterventionList = list }).Entity;
        service.Version = Guid.NewGuid();
        audit.Record(new ServiceStrandAdded(serviceId, strand.Id, name, workerRole, list));
        return await db.SaveOrConflictAsync(new WriteResult.Done(serviceId), cancellationToken);
    }

    private async Task<bool> MayManageAsync(Guid serviceId, CancellationToken cancellationToken) =>
        (await access.FindAsync(serviceId, cancellationToken))?.May(ServiceRight.Manage) == true;

    private Task<SubmittedService?> SubmittedAsync(Guid submissionId, CancellationToken cancellationToken) =>
        db.Services.Where(s => s.SubmissionId == submissionId).Select(s => new SubmittedService(s.Id, s.OrganisationId)).SingleOrDefaultAsync(cancellationToken);

    private sealed record SubmittedService(Guid Id, Guid OrganisationId);

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
}
