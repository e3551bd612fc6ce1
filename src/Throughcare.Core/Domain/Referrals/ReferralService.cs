using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Notifications;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Storage;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Referrals;

/// <summary>The referrer's answers. Display names are the labels the pages and the change history use.</summary>
public sealed record ReferralDetails
{
    [Display(Name = "Where the referral comes from")] public ReferralSource? Source { get; init; }
    [Display(Name = "Reason for the referral")] public string? Reason { get; init; }
    [Display(Name = "Help wanted")] public string? HelpWanted { get; init; }
    [Display(Name = "Accessibility needs")] public string? AccessibilityNeeds { get; init; }
    [Display(Name = "Risks to workers")] public string? RisksToWorkers { get; init; }
    [Display(Name = "Where the person is now")] public ServiceSetting? PersonSetting { get; init; }
    [Display(Name = "Preferred worker")] public string? PreferredWorkerGender { get; init; }
    [Display(Name = "Lawful basis for sharing")] public SharingBasis? SharingBasis { get; init; }
    [Display(Name = "Consent given on")] public DateOnly? ConsentGivenOn { get; init; }
    [Display(Name = "Sharing note")] public string? SharingNote { get; init; }
}

/// <summary>An upload whose type was found from its content; Open gives its bytes.</summary>
public sealed record NewDocument(string DocumentType, string FileName, FileSignatures.Kind Kind, Func<Stream> Open);

/// <summary>A referral as a partner system submits it in one request.</summary>
public sealed record SubmitNewReferral
{
    public required Guid PersonId { get; init; }
    public required Guid ServiceId { get; init; }
    public required Guid SubmissionId { get; init; }
    public required ReferralDetails Details { get; init; }
    public required IReadOnlyList<NewDocument> Documents { get; init; }
}

/// <summary>The worker chosen for one strand, and why when the manager departed from the top suggestion.</summary>
public sealed record StrandAllocation(Guid StrandId, Guid WorkerUserId, string Reason);

/// <summary>
/// Every change to a referral: each records who, when and why, and saves its audit rows and the e-mails it sends in
/// one unit of work, so a change and its e-mail exist together or not at all.
/// </summary>
public sealed class ReferralService(ThroughcareDbContext db, AuditLog audit, Outbox outbox, IDocumentStore store, CareRoles careRoles, CurrentUser user, TimeProvider time)
{
    public const string SubmissionUsed = "This form has already been used. Check the service and select Continue to start the referral";

    /// <summary>
    /// Starts a draft, or answers with the draft this form's submission already started. A submission id already on a
    /// referral the user may not see (submission ids are unique across every organisation's referrals) is refused, and
    /// nothing about that referral is revealed.
    /// </summary>
    public async Task<WriteResult> StartDraftAsync(Guid personId, Guid serviceId, Guid submissionId, CancellationToken cancellationToken)
    {
        var existing = db.Referrals.IgnoreQueryFilters().Where(r => r.SubmissionId == submissionId).Select(r => (Guid?)r.Id);
        var result = await Submissions.CreateOnceAsync(db, existing, () => CreateDraftAsync(personId, serviceId, submissionId, cancellationToken), cancellationToken);
        return result is WriteResult.Done { Id: var id } && !await db.Referrals.AnyAsync(r => r.Id == id, cancellationToken)
            ? new WriteResult.Refused(SubmissionUsed, "")
            : result;
    }

    private async Task<WriteResult> CreateDraftAsync(Guid personId, Guid serviceId, Guid submissionId, CancellationToken cancellationToken)
    {
        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null || !await db.People.AnyAsync(p => p.Id == personId && p.MergedIntoPersonId == null, cancellationToken))
        {
            return new WriteResult.NotFound();
        }

        if (!service.AcceptingReferrals)
        {
            return new WriteResult.Refused($"{service.Name} is not accepting referrals");
        }

        var referral = new Referral
        {
            Id = Guid.NewGuid(),
            PersonId = personId,
            ServiceId = serviceId,
            ReferringOrganisationId = user.RequireOrganisationId(),
            CreatedByUserId = user.RequireUserId(),
            CreatedAt = Now,
            SubmissionId = submissionId,
        };
        db.Referrals.Add(referral);
        audit.Record(new ReferralStarted(referral.Id, personId, serviceId));
        await db.SaveChangesAsync(cancellationToken);
        return new WriteResult.Done(referral.Id);
    }

    /// <summary>Saves answers on a draft, or on a referral returned to its referrer for information.</summary>
    public Task<WriteResult> SaveDetailsAsync(Guid referralId, Guid version, ReferralDetails details, CancellationToken cancellationToken) =>
        ChangeAsync(referralId, version, referral =>
        {
            if (referral.State is not (ReferralState.Draft or ReferralState.AwaitingInformation))
            {
                return "This referral has been sent and can no longer be changed";
            }

            var before = DetailsOf(referral);
            referral.Source = details.Source;
            referral.Reason = details.Reason;
            referral.HelpWanted = details.HelpWanted;
            referral.AccessibilityNeeds = details.AccessibilityNeeds;
            referral.RisksToWorkers = details.RisksToWorkers;
            referral.PersonSetting = details.PersonSetting;
            referral.PreferredWorkerGender = details.PreferredWorkerGender;
            referral.SharingBasis = details.SharingBasis;
            referral.ConsentGivenOn = details.ConsentGivenOn;
            referral.SharingNote = details.SharingNote;
            audit.Record(new ReferralAnswersChanged(referral.Id, referral.PersonId, FieldChanges.Compare(before, details)));
            return null;
        }, cancellationToken);

    /// <summary>What is still needed before a referral can be sent, as GOV.UK messages keyed by the page that asks.</summary>
    public static IReadOnlyList<(string Page, string Message)> MissingAnswers(Referral referral)
    {
        var missing = new List<(string, string)>();
        if (referral.Source is null)
        {
            missing.Add(("reason", "Select where the referral comes from"));
        }

        if (string.IsNullOrWhiteSpace(referral.Reason))
        {
            missing.Add(("reason", "Enter the reason for the referral"));
        }

        if (referral.PersonSetting is null)
        {
            missing.Add(("needs", "Select whether the person is in custody or in the community"));
        }

        if (referral.SharingBasis is null)
        {
            missing.Add(("sharing", "Select the lawful basis for sharing this referral"));
        }
        else if (referral.SharingBasis == Referrals.SharingBasis.Consent && referral.ConsentGivenOn is null)
        {
            missing.Add(("sharing", "Enter the date the person gave consent"));
        }

        return missing;
    }

    /// <summary>Adds a checked upload. The caller has already detected its type; the file is visible only once its row has committed.</summary>
    public async Task<WriteResult> AddDocumentAsync(Guid referralId, Guid version, string documentType, string fileName, FileSignatures.Kind kind, Stream content, CancellationToken cancellationToken)
    {
        var (result, storedName) = await StageDocumentAsync(referralId, version, new NewDocument(documentType, fileName, kind, () => content), cancellationToken);
        if (result is WriteResult.Done)
        {
            await store.PublishAsync(storedName, CancellationToken.None);
        }

        return result;
    }

    /// <summary>
    /// Starts, fills in, documents and sends a referral in one transaction, as a partner system submits it: a crash
    /// part-way leaves nothing (the staged files are swept), and a retry under the same submission id makes it afresh
    /// or, once it was sent, answers with it, so its documents are never added twice.
    /// </summary>
    public async Task<WriteResult> SubmitNewAsync(SubmitNewReferral options, CancellationToken cancellationToken)
    {
        var staged = new List<string>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await StartDraftAsync(options.PersonId, options.ServiceId, options.SubmissionId, cancellationToken);
            if (result is not WriteResult.Done { Id: var referralId })
            {
                return result;
            }

            if (await db.Referrals.Where(r => r.Id == referralId).Select(r => r.State).SingleAsync(cancellationToken) != ReferralState.Draft)
            {
                return result;
            }

            result = await SaveDetailsAsync(referralId, await VersionAsync(referralId, cancellationToken), options.Details, cancellationToken);
            foreach (var document in options.Documents)
            {
                if (result is not WriteResult.Done)
                {
                    break;
                }

                (result, var storedName) = await StageDocumentAsync(referralId, await VersionAsync(referralId, cancellationToken), document, cancellationToken);
                staged.Add(storedName);
            }

            if (result is WriteResult.Done)
            {
                result = await SubmitAsync(referralId, await VersionAsync(referralId, cancellationToken), cancellationToken);
            }

            if (result is not WriteResult.Done)
            {
                return result;
            }

            await transaction.CommitAsync(cancellationToken);
            foreach (var storedName in staged)
            {
                await store.PublishAsync(storedName, CancellationToken.None);
            }

            staged.Clear();
            return result;
        }
        finally
        {
            // Rolled back: nothing refers to these files.
            foreach (var storedName in staged)
            {
                await store.DeleteAsync(storedName, CancellationToken.None);
            }
        }
    }

    private Task<Guid> VersionAsync(Guid referralId, CancellationToken cancellationToken) =>
        db.Referrals.Where(r => r.Id == referralId).Select(r => r.Version).SingleAsync(cancellationToken);

    /// <summary>Stages the bytes, then saves the row; a refused upload removes the staged file again.</summary>
    private async Task<(WriteResult Result, string StoredName)> StageDocumentAsync(Guid referralId, Guid version, NewDocument upload, CancellationToken cancellationToken)
    {
        var storedName = Guid.NewGuid().ToString("N");
        await using var content = upload.Open();
        using var hashing = new HashingStream(content);
        WriteResult? result = null;
        try
        {
            await store.StageAsync(storedName, hashing, cancellationToken);
            result = await ChangeAsync(referralId, version, referral =>
            {
                if (referral.State is not (ReferralState.Draft or ReferralState.AwaitingInformation))
                {
                    return "Documents can only be added before the referral is sent, or when the service asks for more information";
                }

                var document = new ReferralDocument
                {
                    Id = Guid.NewGuid(),
                    ReferralId = referral.Id,
                    DocumentType = upload.DocumentType,
                    FileName = upload.FileName,
                    StoredName = storedName,
                    ContentType = upload.Kind.ContentType,
                    Size = hashing.Length,
                    Sha256 = hashing.HashHex(),
                    UploadedAt = Now,
                    UploadedByUserId = user.RequireUserId(),
                };
                referral.Documents.Add(db.Add(document).Entity);
                audit.Record(new ReferralDocumentAdded(referral.Id, referral.PersonId, document.Id, upload.DocumentType, upload.FileName));
                return null;
            }, cancellationToken);
            return (result, storedName);
        }
        finally
        {
            if (result is not WriteResult.Done)
            {
                await store.DeleteAsync(storedName, CancellationToken.None);
            }
        }
    }

    public Task<WriteResult> RemoveDocumentAsync(Guid referralId, Guid version, Guid documentId, CancellationToken cancellationToken) =>
        ChangeAsync(referralId, version, referral =>
        {
            var document = referral.Documents.SingleOrDefault(d => d.Id == documentId);
            if (document is null)
            {
                return "Document not found";
            }

            if (referral.State is not (ReferralState.Draft or ReferralState.AwaitingInformation))
            {
                return "Documents cannot be removed from a referral that has been sent";
            }

            db.ReferralDocuments.Remove(document);
            audit.Record(new ReferralDocumentRemoved(referral.Id, referral.PersonId, document.Id, document.DocumentType, document.FileName));
            return null;
        }, cancellationToken);

    public static IReadOnlyList<string> MissingDocuments(Service service, IEnumerable<ReferralDocument> documents)
    {
        var carried = documents.Select(d => d.DocumentType).ToHashSet();
        return service.Documents.Where(d => d.Required && !carried.Contains(d.DocumentType)).Select(d => d.DocumentType).ToList();
    }

    /// <summary>Sends a draft (or a referral returned for information) to the receiving service.</summary>
    public Task<WriteResult> SubmitAsync(Guid referralId, Guid version, CancellationToken cancellationToken) =>
        ChangeAsync(referralId, version, async referral =>
        {
            var missing = MissingAnswers(referral);
            if (missing.Count > 0)
            {
                return missing[0].Message;
            }

            if (await OpenCare.FindAsync(db, referral.PersonId, referral.ServiceId, referral.Id, cancellationToken) is { } open)
            {
                return open.Refusal(referral.Service!.Name);
            }

            var refused = Move(referral, ReferralState.Submitted, null, null);
            if (refused is not null)
            {
                return refused;
            }

            referral.SubmittedAt ??= Now;

            // The receiving organisation gains a role in the person's care through the referral, until it is decided.
            if (referral.Service!.OrganisationId != referral.ReferringOrganisationId)
            {
                await careRoles.GrantForReferralAsync(referral.PersonId, referral.Service.OrganisationId, referral.Id, Now, cancellationToken);
            }

            await QueueForReferrerAsync(referral, "Referral received", r => $"Your referral of {r.Person} to {r.Service} has been received. Reference: {referral.Id}.", cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>
    /// The receiving manager takes a referral into screening. A referral missing a required document cannot pass:
    /// it goes to "awaiting information" and the referrer is told what is missing.
    /// </summary>
    public Task<WriteResult> StartScreeningAsync(Guid referralId, Guid version, CancellationToken cancellationToken) =>
        ChangeAsync(referralId, version, async referral =>
        {
            var missing = MissingDocuments(referral.Service!, referral.Documents).Select(d => DocumentTypes.All.LabelFor(d)).ToList();
            if (missing.Count == 0)
            {
                return Move(referral, ReferralState.Screening, null, null);
            }

            var refused = Move(referral, ReferralState.AwaitingInformation, null, "Required documents missing: " + string.Join(", ", missing));
            if (refused is null)
            {
                await QueueForReferrerAsync(referral, "More information needed for your referral", r =>
                    $"Your referral of {r.Person} to {r.Service} cannot be screened until it carries: {string.Join(", ", missing)}. Add the documents in Throughcare and send it again. Reference: {referral.Id}.", cancellationToken);
            }

            return refused;
        }, cancellationToken);

    public Task<WriteResult> RequestInformationAsync(Guid referralId, Guid version, string message, CancellationToken cancellationToken) =>
        ChangeAsync(referralId, version, async referral =>
            Move(referral, ReferralState.AwaitingInformation, null, message)
            ?? await QueueForReferrerAsync(referral, "More information needed for your referral", r =>
                $"The team screening your referral of {r.Person} to {r.Service} asks: {message}. Reference: {referral.Id}.", cancellationToken),
            cancellationToken);

    public Task<WriteResult> OverrideRuleAsync(Guid referralId, Guid version, string rule, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(referralId, version, referral =>
        {
            if (referral.State != ReferralState.Screening)
            {
                return "Rules can only be overridden during screening";
            }

            referral.Overrides.Add(db.Add(new ScreeningOverride { Id = Guid.NewGuid(), ReferralId = referral.Id, Rule = rule, Reason = reason, At = Now, ByUserId = user.RequireUserId() }).Entity);
            audit.Record(new ScreeningRuleOverridden(referral.Id, referral.PersonId, rule, reason));
            return null;
        }, cancellationToken);

    public Task<WriteResult> AcceptAsync(Guid referralId, Guid version, string? notes, CancellationToken cancellationToken) =>
        ChangeAsync(referralId, version, async referral =>
        {
            referral.ScreeningNotes = notes ?? referral.ScreeningNotes;
            return Decide(referral, ReferralState.Accepted, null, null)
                ?? await QueueForReferrerAsync(referral, "Referral accepted", r => $"Your referral of {r.Person} to {r.Service} has been accepted. Reference: {referral.Id}.", cancellationToken);
        }, cancellationToken);

    public Task<WriteResult> DeclineAsync(Guid referralId, Guid version, ReferralCloseReason reason, string? text, string? notes, CancellationToken cancellationToken) =>
        ChangeAsync(referralId, version, async referral =>
        {
            referral.ScreeningNotes = notes ?? referral.ScreeningNotes;
            return Decide(referral, ReferralState.Declined, reason, text)
                ?? await EndCareRoleAsync(referral, "Referral declined", cancellationToken)
                ?? await QueueForReferrerAsync(referral, "Referral declined", r =>
                    $"Your referral of {r.Person} to {r.Service} has been declined: {ReferralStates.Label(reason)}{(text is null ? "" : $" ({text})")}. Reference: {referral.Id}.", cancellationToken);
        }, cancellationToken);

    public Task<WriteResult> WithdrawAsync(Guid referralId, Guid version, ReferralCloseReason reason, string? text, CancellationToken cancellationToken) =>
        ChangeAsync(referralId, version, async referral => Decide(referral, ReferralState.Withdrawn, reason, text) ?? await EndCareRoleAsync(referral, "Referral withdrawn", cancellationToken), cancellationToken);

    /// <summary>A declined or withdrawn referral ends the role in the person's care it gave the receiving organisation.</summary>
    private async Task<string?> EndCareRoleAsync(Referral referral, string reason, CancellationToken cancellationToken)
    {
        await careRoles.EndForReferralAsync(referral.Id, reason, Now, cancellationToken);
        return null;
    }

    /// <summary>
    /// Confirms a worker for each strand the person needs and opens their episode of care with the service. Two
    /// managers allocating at once: the referral's version lets one win; the other gets a conflict.
    /// </summary>
    public async Task<WriteResult> AllocateAsync(Guid referralId, Guid version, IReadOnlyList<StrandAllocation> allocations, CancellationToken cancellationToken)
    {
        var workerIds = allocations.Select(a => a.WorkerUserId).ToList();
        var workers = await db.Users.Where(u => workerIds.Contains(u.Id)).Select(u => new { u.Id, u.Email, u.OrganisationId, u.DisabledAt }).ToListAsync(cancellationToken);
        return await ChangeAsync(referralId, version, async referral =>
        {
            if (referral.State != ReferralState.Accepted || referral.AllocatedAt is not null)
            {
                return "Only an accepted referral that has not been allocated can be allocated";
            }

            if (await OpenCare.FindAsync(db, referral.PersonId, referral.ServiceId, referral.Id, cancellationToken) is { IsEpisode: true } open)
            {
                return open.Refusal(referral.Service!.Name);
            }

            if (allocations.Count == 0 || allocations.Select(a => a.StrandId).Distinct().Count() != allocations.Count)
            {
                return "Choose one worker for each strand";
            }

            if (allocations.Any(a => referral.Service!.Strands.All(s => s.Id != a.StrandId)))
            {
                return "Choose strands this service offers";
            }

            if (allocations.Any(a => workers.SingleOrDefault(w => w.Id == a.WorkerUserId) is not { DisabledAt: null } w || w.OrganisationId != referral.Service!.OrganisationId))
            {
                return "Choose workers from the service's organisation";
            }

            // The episode starts on the day it is opened in the UK, which is not the UTC date around midnight.
            var today = Display.Today(time);
            var episode = new Episode
            {
                Id = Guid.NewGuid(),
                PersonId = referral.PersonId,
                ServiceId = referral.ServiceId,
                ReferralId = referral.Id,
                ServiceOrganisationId = referral.Service!.OrganisationId,
                ReferringOrganisationId = referral.ReferringOrganisationId,
                StartedOn = today,
                PlannedEndOn = today.AddMonths(referral.Service!.MaximumEpisodeMonths),
                CreatedAt = Now,
                Strands = allocations.Select(a => new EpisodeStrand
                {
                    Id = Guid.NewGuid(),
                    ServiceStrandId = a.StrandId,
                    WorkerUserId = a.WorkerUserId,
                    StartedAt = Now,
                    AllocatedByUserId = user.RequireUserId(),
                    AllocationReason = a.Reason,
                }).ToList(),
            };
            db.Episodes.Add(episode);
            referral.AllocatedAt = Now;
            audit.Record(new EpisodeOpened(episode.Id, referral.PersonId, referral.Id, referral.ServiceId, allocations.Select(a => new StrandWorker(a.StrandId, a.WorkerUserId)).ToList()));
            foreach (var worker in workers)
            {
                outbox.Queue(worker.Email, "New allocation in Throughcare", $"You have been allocated a person on {referral.Service.Name}. Open Throughcare to see your cases. Reference: {referral.Id}.");
            }

            return null;
        }, cancellationToken);
    }

    private string? Decide(Referral referral, ReferralState to, ReferralCloseReason? reason, string? text)
    {
        if (to != ReferralState.Accepted && reason is null)
        {
            return "Select a reason";
        }

        if (reason == ReferralCloseReason.Other && string.IsNullOrWhiteSpace(text))
        {
            return "Enter the reason";
        }

        var refused = Move(referral, to, reason, text);
        if (refused is null)
        {
            referral.DecidedAt = Now;
            referral.DecidedByUserId = user.RequireUserId();
            referral.CloseReason = reason;
            referral.CloseReasonText = text;
        }

        return refused;
    }

    /// <summary>Moves the state if the life cycle allows it, recording the transition; returns why not otherwise.</summary>
    private string? Move(Referral referral, ReferralState to, ReferralCloseReason? reason, string? note)
    {
        if (!ReferralStates.CanMove(referral.State, to))
        {
            return $"A referral that is {ReferralStates.Label(referral.State).ToLowerInvariant()} cannot become {ReferralStates.Label(to).ToLowerInvariant()}";
        }

        // Added through the context: a child with its key already set, found only through the navigation, would be
        // taken for an existing row and updated.
        referral.Transitions.Add(db.Add(new ReferralTransition
        {
            Id = Guid.NewGuid(),
            ReferralId = referral.Id,
            From = referral.State,
            To = to,
            At = Now,
            ByUserId = user.UserId,
            Reason = reason,
            Note = note,
        }).Entity);
        audit.Record(new ReferralStateChanged(referral.Id, referral.PersonId, referral.State, to, reason, note));
        referral.State = to;
        return null;
    }

    /// <summary>
    /// Queues an e-mail to the referrer in the change's unit of work, so it is sent exactly when the change commits.
    /// Names only the service and the person's initials: e-mail is not a safe channel. Refuses nothing (returns null).
    /// </summary>
    private async Task<string?> QueueForReferrerAsync(Referral referral, string subject, Func<(string Person, string Service), string> body, CancellationToken cancellationToken)
    {
        var email = await db.Users.Where(u => u.Id == referral.CreatedByUserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        var names = await db.People.IgnoreQueryFilters().Where(p => p.Id == referral.PersonId)
            .Select(p => new { p.Details.GivenName, p.Details.FamilyName }).FirstOrDefaultAsync(cancellationToken);
        var initials = names is null ? "" : $"{names.GivenName[..1]}.{names.FamilyName[..1]}.";
        outbox.Queue(email, subject, body((initials, referral.Service!.Name)));
        return null;
    }

    /// <summary>Loads the referral through the access filter, applies a change and saves it with the version check.</summary>
    private Task<WriteResult> ChangeAsync(Guid referralId, Guid version, Func<Referral, string?> change, CancellationToken cancellationToken) =>
        ChangeAsync(referralId, version, referral => Task.FromResult(change(referral)), cancellationToken);

    /// <summary>
    /// Loads the referral through the access filter, applies a change (which returns why it is refused, or null) and
    /// saves it, its audit rows and its e-mails in one SaveChanges, with the version check.
    /// </summary>
    private async Task<WriteResult> ChangeAsync(Guid referralId, Guid version, Func<Referral, Task<string?>> change, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals
            .Include(r => r.Service).ThenInclude(s => s!.Documents)
            .Include(r => r.Service).ThenInclude(s => s!.Strands)
            .Include(r => r.Documents)
            .Include(r => r.Overrides)
            .SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return new WriteResult.NotFound();
        }

        if (referral.Version != version)
        {
            return new WriteResult.Conflict();
        }

        var refused = await change(referral);
        if (refused is not null)
        {
            db.ChangeTracker.Clear();
            return new WriteResult.Refused(refused);
        }

        referral.Version = Guid.NewGuid();

        // A concurrent writer's row (an episode for this referral, say) can stop ours before the version check: a conflict too.
        return await db.SaveOrConflictAsync(new WriteResult.Done(referralId), cancellationToken);
    }

    /// <summary>A referral's answers, as the journey pages show them and as its change history compares them.</summary>
    public static ReferralDetails DetailsOf(Referral r) => new()
    {
        Source = r.Source,
        Reason = r.Reason,
        HelpWanted = r.HelpWanted,
        AccessibilityNeeds = r.AccessibilityNeeds,
        RisksToWorkers = r.RisksToWorkers,
        PersonSetting = r.PersonSetting,
        PreferredWorkerGender = r.PreferredWorkerGender,
        SharingBasis = r.SharingBasis,
        ConsentGivenOn = r.ConsentGivenOn,
        SharingNote = r.SharingNote,
    };

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
