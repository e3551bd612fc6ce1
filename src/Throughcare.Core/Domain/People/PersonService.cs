using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Core.Domain.People;

public sealed record CreatePerson
{
    public required PersonDetails Details { get; init; }
    public required Guid SubmissionId { get; init; }
    public IReadOnlyList<(string GivenName, string FamilyName)> Aliases { get; init; } = [];
}

public sealed record UpdatePerson
{
    public required Guid PersonId { get; init; }
    public required Guid Version { get; init; }
    public required PersonDetails Details { get; init; }
}

public sealed record MergePeople
{
    public required Guid KeepPersonId { get; init; }
    public required Guid MergePersonId { get; init; }
    public required string Reason { get; init; }
}

public sealed record LikelyDuplicate(Guid PersonId, string Name, DateOnly? DateOfBirth, string Reason);

/// <summary>A person's details as saved now, with the version an edit form carries: what a conflict shows.</summary>
public sealed record SavedPerson(PersonDetails Details, Guid Version);

public sealed class PersonService(ThroughcareDbContext db, PersonAccess access, AuditLog audit, CurrentUser user, TimeProvider time)
{
    public const string SubmissionUsed = "This form has already been used. Check the details and select Create record to add this person";

    /// <summary>
    /// Creates the person, or answers with the record this form's submission already made. Refused when the submission
    /// id is already on a record the user may not see: nothing is created, and nothing about that record is revealed.
    /// </summary>
    public async Task<WriteResult> CreateAsync(CreatePerson options, CancellationToken cancellationToken)
    {
        var (taken, existing) = await LookUpSubmissionAsync(options.SubmissionId, cancellationToken);
        if (taken)
        {
            return Created(existing);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var organisationId = user.RequireOrganisationId();
        var person = new Person
        {
            Id = Guid.NewGuid(),
            Details = options.Details,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedByOrganisationId = organisationId,
            SubmissionId = options.SubmissionId,
            CareRoles = [new PersonCareRole { Id = Guid.NewGuid(), OrganisationId = organisationId, Kind = CareRoleKind.CreatedRecord, StartedAt = now }],
            Aliases = options.Aliases.Select(a => NewAlias(a.GivenName, a.FamilyName)).ToList(),
        };
        SetSearchKeys(person);
        db.People.Add(person);
        audit.Record(new PersonCreated(person.Id, [.. FieldChanges.Created(options.Details), .. options.Aliases.Select(a => new FieldChange("Alias", null, $"{a.GivenName} {a.FamilyName}"))]));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new WriteResult.Done(person.Id);
        }
        catch (DbUpdateException)
        {
            // The same form submitted twice at once: the other request created the record, so answer with it.
            db.ChangeTracker.Clear();
            var (raced, created) = await LookUpSubmissionAsync(options.SubmissionId, cancellationToken);
            if (!raced)
            {
                throw;
            }

            return Created(created);
        }
    }

    /// <summary>Saves the details if the record is still at the version the form showed; a conflict carries a <see cref="SavedPerson"/>.</summary>
    public async Task<WriteResult> UpdateAsync(UpdatePerson options, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == options.PersonId && p.MergedIntoPersonId == null, cancellationToken);
        if (person is null)
        {
            return new WriteResult.NotFound();
        }

        if (person.Version != options.Version)
        {
            return new WriteResult.Conflict(new SavedPerson(person.Details, person.Version));
        }

        var changes = FieldChanges.Compare(person.Details, options.Details);
        if (changes.Count == 0)
        {
            return new WriteResult.Done(person.Id);
        }

        person.Details = options.Details;
        person.UpdatedAt = time.GetUtcNow().UtcDateTime;
        person.Version = Guid.NewGuid();
        SetSearchKeys(person);
        audit.Record(new PersonUpdated(person.Id, changes));
        return await db.SaveOrConflictAsync(new WriteResult.Done(person.Id), cancellationToken, async () =>
        {
            var current = await db.People.AsNoTracking().SingleAsync(p => p.Id == options.PersonId, cancellationToken);
            return new SavedPerson(current.Details, current.Version);
        });
    }

    public async Task<WriteResult> AddAliasAsync(Guid personId, string givenName, string familyName, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId && p.MergedIntoPersonId == null, cancellationToken);
        if (person is null)
        {
            return new WriteResult.NotFound();
        }

        var alias = db.PersonAliases.Add(NewAlias(givenName, familyName, personId)).Entity;
        person.Version = Guid.NewGuid();
        person.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Record(new PersonAliasAdded(personId, alias.Id, $"{givenName} {familyName}"));
        return await db.SaveOrConflictAsync(new WriteResult.Done(personId), cancellationToken);
    }

    /// <summary>
    /// Folds one record into another. The merged record stays, marked as merged, so its history remains readable
    /// through the kept record; identifiers the kept record lacks are carried over, never overwritten. Done carries
    /// the kept record's id.
    /// </summary>
    public async Task<WriteResult> MergeAsync(MergePeople options, CancellationToken cancellationToken)
    {
        if (options.KeepPersonId == options.MergePersonId)
        {
            return new WriteResult.Refused("Enter two different records", nameof(MergePeople.MergePersonId));
        }

        var people = await db.People.Include(p => p.Aliases).Include(p => p.CareRoles)
            .Where(p => (p.Id == options.KeepPersonId || p.Id == options.MergePersonId) && p.MergedIntoPersonId == null)
            .ToListAsync(cancellationToken);
        var keep = people.SingleOrDefault(p => p.Id == options.KeepPersonId);
        var merge = people.SingleOrDefault(p => p.Id == options.MergePersonId);
        if (keep is null || merge is null)
        {
            return new WriteResult.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var before = keep.Details;
        keep.Details = keep.Details with
        {
            Crn = keep.Details.Crn ?? merge.Details.Crn,
            PncNumber = keep.Details.PncNumber ?? merge.Details.PncNumber,
            PrisonNumber = keep.Details.PrisonNumber ?? merge.Details.PrisonNumber,
            NhsNumber = keep.Details.NhsNumber ?? merge.Details.NhsNumber,
            DateOfBirth = keep.Details.DateOfBirth ?? merge.Details.DateOfBirth,
        };
        var keptNames = keep.Aliases.Select(a => a.NormalisedName).Append(keep.NormalisedName).ToHashSet();
        foreach (var name in merge.Aliases.Select(a => (a.GivenName, a.FamilyName)).Append((merge.Details.GivenName, merge.Details.FamilyName)))
        {
            var alias = NewAlias(name.GivenName, name.FamilyName, keep.Id);
            if (keptNames.Add(alias.NormalisedName))
            {
                db.PersonAliases.Add(alias);
            }
        }

        // Every role still running on the merged record carries over with its basis, and ends when that basis ends.
        foreach (var role in merge.CareRoles.Where(r => r.IsActiveAt(now)))
        {
            db.PersonCareRoles.Add(new PersonCareRole
            {
                Id = Guid.NewGuid(),
                PersonId = keep.Id,
                OrganisationId = role.OrganisationId,
                Kind = role.Kind,
                ReferralId = role.ReferralId,
                StartedAt = now,
                EndedAt = role.EndedAt,
                EndReason = role.EndReason,
            });
        }

        await MoveReminderPreferenceAsync(merge.Id, keep.Id, cancellationToken);
        merge.MergedIntoPersonId = keep.Id;
        merge.MergedAt = now;
        merge.Version = Guid.NewGuid();
        keep.Version = Guid.NewGuid();
        keep.UpdatedAt = now;
        SetSearchKeys(keep);

        var changes = FieldChanges.Compare(before, keep.Details);
        audit.Record(new PersonMerged(keep.Id, merge.Id, merge.FullName, changes, options.Reason));
        audit.Record(new PersonMergedInto(merge.Id, keep.Id, keep.FullName, options.Reason));
        await db.SaveChangesAsync(cancellationToken);
        return new WriteResult.Done(keep.Id);
    }

    /// <summary>
    /// A reminder preference moves across only when the kept record has none of its own. Appointments stay on the merged
    /// record, as its episodes, referrals and contacts do: an appointment's person is always its episode's person, and one
    /// booked outside an episode keeps the record it was booked with.
    /// </summary>
    private async Task MoveReminderPreferenceAsync(Guid fromPersonId, Guid toPersonId, CancellationToken cancellationToken)
    {
        var preferences = await db.ReminderPreferences.Where(p => p.PersonId == fromPersonId || p.PersonId == toPersonId).ToListAsync(cancellationToken);
        if (preferences.SingleOrDefault(p => p.PersonId == fromPersonId) is { } moving)
        {
            db.ReminderPreferences.Remove(moving);
            if (preferences.All(p => p.PersonId != toPersonId))
            {
                db.ReminderPreferences.Add(new ReminderPreference
                {
                    PersonId = toPersonId,
                    Consents = moving.Consents,
                    Channel = moving.Channel,
                    RecordedAt = moving.RecordedAt,
                    RecordedByUserId = moving.RecordedByUserId,
                });
            }
        }
    }

    /// <summary>Records the user may list that share an identifier, or a date of birth and a similar name.</summary>
    public async Task<IReadOnlyList<LikelyDuplicate>> FindLikelyDuplicatesAsync(PersonDetails details, Guid? excludePersonId, CancellationToken cancellationToken)
    {
        var live = access.Listable.Where(p => p.Id != excludePersonId);
        var found = new Dictionary<Guid, LikelyDuplicate>();
        var d = details;
        if (d.Crn is not null || d.PncNumber is not null || d.PrisonNumber is not null || d.NhsNumber is not null)
        {
            var sameIdentifier = await live
                .Where(p => (d.Crn != null && p.Details.Crn == d.Crn)
                    || (d.PncNumber != null && p.Details.PncNumber == d.PncNumber)
                    || (d.PrisonNumber != null && p.Details.PrisonNumber == d.PrisonNumber)
                    || (d.NhsNumber != null && p.Details.NhsNumber == d.NhsNumber))
                .Select(p => new { p.Id, p.Details })
                .Take(20)
                .ToListAsync(cancellationToken);
            foreach (var p in sameIdentifier)
            {
                found[p.Id] = new LikelyDuplicate(p.Id, $"{p.Details.GivenName} {p.Details.FamilyName}", p.Details.DateOfBirth, "Same identifier");
            }
        }

        if (d.DateOfBirth is { } dob)
        {
            var sameBirthday = await live
                .Where(p => p.Details.DateOfBirth == dob)
                .Select(p => new { p.Id, p.Details, Aliases = p.Aliases.Select(a => new { a.GivenName, a.FamilyName }).ToList() })
                .Take(200)
                .ToListAsync(cancellationToken);
            foreach (var p in sameBirthday.Where(p => !found.ContainsKey(p.Id)))
            {
                var names = p.Aliases.Select(a => (a.GivenName, a.FamilyName)).Append((p.Details.GivenName, p.Details.FamilyName));
                if (names.Any(n => NameMatching.IsLikelySameName(d.GivenName, d.FamilyName, n.GivenName, n.FamilyName)))
                {
                    found[p.Id] = new LikelyDuplicate(p.Id, $"{p.Details.GivenName} {p.Details.FamilyName}", p.Details.DateOfBirth, "Same date of birth and a similar name");
                }
            }
        }

        return [.. found.Values];
    }

    private static WriteResult Created(Guid? visibleId) =>
        visibleId is { } id ? new WriteResult.Done(id) : new WriteResult.Refused(SubmissionUsed);

    /// <summary>The record a create form's submission already made, if the user may see it.</summary>
    public async Task<Guid?> FindBySubmissionAsync(Guid submissionId, CancellationToken cancellationToken) =>
        (await LookUpSubmissionAsync(submissionId, cancellationToken)).VisibleId;

    /// <summary>
    /// Whether any record carries the submission id (they are unique across every organisation's records), and that
    /// record's id only if the user may see it. Looked up in that order, so a record committed by a concurrent identical
    /// submission is found as taken and then as visible, never as taken by someone else.
    /// </summary>
    private async Task<(bool Taken, Guid? VisibleId)> LookUpSubmissionAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        var id = await db.People.IgnoreQueryFilters().Where(p => p.SubmissionId == submissionId).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        return id is null ? (false, null) : (true, await db.People.AnyAsync(p => p.Id == id, cancellationToken) ? id : null);
    }

    private static PersonAlias NewAlias(string givenName, string familyName, Guid personId = default)
    {
        var alias = new PersonAlias { Id = Guid.NewGuid(), PersonId = personId, GivenName = givenName.Trim(), FamilyName = familyName.Trim() };
        alias.NormalisedName = NormalisedKey($"{alias.GivenName} {alias.FamilyName}");
        alias.GivenNameKey = PhoneticKey(alias.GivenName);
        alias.FamilyNameKey = PhoneticKey(alias.FamilyName);
        return alias;
    }

    /// <summary>Derives the search keys from the names; called on every write of a person's names.</summary>
    public static void SetSearchKeys(Person person)
    {
        person.NormalisedName = NormalisedKey($"{person.Details.GivenName} {person.Details.MiddleNames} {person.Details.FamilyName}");
        person.GivenNameKey = PhoneticKey(person.Details.GivenName);
        person.FamilyNameKey = PhoneticKey(person.Details.FamilyName);
    }

    public const int PhoneticKeyLength = 40;
    public const int NormalisedNameLength = 250;

    /// <summary>A name's phonetic search key, cut to the column it is stored in; search computes typed words' keys the same way.</summary>
    public static string PhoneticKey(string name) => Cut(NameMatching.PhoneticKey(name), PhoneticKeyLength);

    public static string NormalisedKey(string name) => Cut(NameMatching.Normalise(name), NormalisedNameLength);

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
