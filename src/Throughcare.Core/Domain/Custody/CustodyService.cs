using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Custody;

/// <summary>
/// Records a person's custody: the period with its sentence and key dates, changes of those dates (each kept with who,
/// when, from what and why), moves between prisons, the release and a recall. Each write is checked against
/// <see cref="CustodyRules"/>, versioned, audited, gives the prisons involved their role in the person's care, and
/// re-dates the journey's milestones, all in one transaction.
/// </summary>
public sealed class CustodyService(ThroughcareDbContext db, AuditLog audit, CurrentUser user, TimeProvider time, CareRoles careRoles, JourneyService journeys, CustodyAccess access)
{
    public const string NotPermitted = "You cannot record custody";
    public const string ReleasedMessage = "They have been released from this period of custody; record a recall instead";
    public const string NotReleasedMessage = "They have not been released from this period of custody";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>What custody input is checked against today.</summary>
    public async Task<CustodyRules> RulesAsync(CancellationToken cancellationToken) =>
        new((await PrisonsAsync(cancellationToken)).Select(p => p.Id).ToHashSet(), Display.Today(time));

    /// <summary>The prisons of the partnership, by name, for the forms' lists.</summary>
    public Task<List<Organisation>> PrisonsAsync(CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Prison).OrderBy(o => o.Name).ToListAsync(cancellationToken);

    /// <summary>The period as the pages and API show it, with its moves and the history of its key dates.</summary>
    public Task<CustodyPeriod?> FindAsync(Guid periodId, CancellationToken cancellationToken) =>
        access.Visible().AsNoTracking().Include(p => p.Moves).Include(p => p.KeyDateChanges).SingleOrDefaultAsync(p => p.Id == periodId, cancellationToken);

    /// <summary>Records a custody period for a person the user may see; a second submission with the same id answers with the first.</summary>
    public Task<WriteResult> RecordAsync(Guid personId, Guid submissionId, CustodyInput input, CancellationToken cancellationToken)
    {
        var existing = db.CustodyPeriods.Where(p => p.SubmissionId == submissionId && p.PersonId == personId).Select(p => (Guid?)p.Id);
        return Submissions.CreateOnceAsync(db, existing, async () =>
        {
            if (!await db.People.AnyAsync(p => p.Id == personId && p.MergedIntoPersonId == null, cancellationToken))
            {
                return new WriteResult.NotFound();
            }

            if (!CustodyAccess.RightsFor(user).Has(CustodyRight.Record))
            {
                return new WriteResult.Refused(NotPermitted);
            }

            if (Refuse((await RulesAsync(cancellationToken)).Validate(input)) is { } refused)
            {
                return refused;
            }

            var period = new CustodyPeriod
            {
                Id = Guid.NewGuid(),
                PersonId = personId,
                ReceptionPrisonId = input.PrisonId!.Value,
                SentenceType = input.SentenceType!.Value,
                JourneyTemplateId = await journeys.TemplateInForceAsync(cancellationToken),
                CreatedAt = Now,
                CreatedByUserId = user.RequireUserId(),
                SubmissionId = submissionId,
            };
            Apply(period, input);
            db.CustodyPeriods.Add(period);
            audit.Record(new CustodyPeriodRecorded(personId, period.Id, period.ReceptionPrisonId, Described(period)));
            await careRoles.GrantForCustodyAsync(personId, period.ReceptionPrisonId, period.Id, Now, cancellationToken);
            await careRoles.FollowReleaseBoroughAsync(personId, period.Id, period.ReleaseBorough, Now, cancellationToken);
            await journeys.RefreshAsync(period, null, cancellationToken);
            return await db.SaveOrConflictAsync(new WriteResult.Done(period.Id), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Changes key dates and the release plan; each key date that moves is kept in its history with the reason, and the journey follows.</summary>
    public Task<WriteResult> ChangeDatesAsync(Guid periodId, Guid version, CustodyDatesInput input, CancellationToken cancellationToken) =>
        ChangeAsync(periodId, version, async (period, rules) =>
        {
            if (Refuse(rules.Validate(input, period)) is { } refused)
            {
                return refused;
            }

            var reason = TextRules.Tidy(input.Reason);
            var changes = new List<FieldChange>();
            foreach (var date in Enum.GetValues<KeyDate>())
            {
                var from = period.Get(date);
                var to = input.Dates.Value(date);
                if (from == to)
                {
                    continue;
                }

                // Added through its set: a new row with its key set, found only through the period's collection, would be taken for an existing row and updated.
                db.KeyDateChanges.Add(new KeyDateChange
                {
                    Id = Guid.NewGuid(),
                    CustodyPeriodId = period.Id,
                    KeyDate = date,
                    From = from,
                    To = to,
                    Reason = reason,
                    ChangedAt = Now,
                    ChangedByUserId = user.RequireUserId(),
                });
                period.Set(date, to);
                changes.Add(new FieldChange(CustodyLabels.Date(date), DateText(from), DateText(to)));
            }

            Note(changes, "Expected release confirmed", period.ExpectedReleaseConfirmed ? "Yes" : "No", input.ExpectedReleaseConfirmed ? "Yes" : "No");
            Note(changes, "Borough on release", BoroughText(period.ReleaseBorough), BoroughText(TextRules.Tidy(input.ReleaseBorough)));
            Note(changes, "Accommodation on release", CustodyLabels.Accommodation(period.Accommodation), CustodyLabels.Accommodation(input.Accommodation));
            if (changes.Count == 0)
            {
                return new WriteResult.Refused("Nothing was changed: change a date or the release plan, or go back", "Dates.ExpectedRelease");
            }

            period.ExpectedReleaseConfirmed = input.ExpectedReleaseConfirmed;
            period.ReleaseBorough = TextRules.Tidy(input.ReleaseBorough);
            period.Accommodation = input.Accommodation;
            audit.Record(new CustodyDatesChanged(period.PersonId, period.Id, changes, reason));
            await careRoles.FollowReleaseBoroughAsync(period.PersonId, period.Id, period.ReleaseBorough, Now, cancellationToken);
            await journeys.RefreshAsync(period, reason ?? "Release plan changed", cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>Records a move to another prison, which gains a role in the person's care.</summary>
    public Task<WriteResult> MoveAsync(Guid periodId, Guid version, MoveInput input, CancellationToken cancellationToken) =>
        ChangeAsync(periodId, version, async (period, rules) =>
        {
            if (period.IsReleased)
            {
                return new WriteResult.Refused(ReleasedMessage);
            }

            if (Refuse(rules.Validate(input, period)) is { } refused)
            {
                return refused;
            }

            input.MovedOn.TryGetDate(out var movedOn);
            var from = period.CurrentPrisonId;
            // Added through its set, as a key date's change is.
            db.CustodyMoves.Add(new CustodyMove
            {
                Id = Guid.NewGuid(),
                CustodyPeriodId = period.Id,
                FromPrisonId = from,
                ToPrisonId = input.ToPrisonId!.Value,
                MovedOn = movedOn,
                Reason = input.Reason!.Value,
                Note = TextRules.Tidy(input.Note),
                RecordedAt = Now,
                RecordedByUserId = user.RequireUserId(),
            });
            audit.Record(new PrisonMoveRecorded(period.PersonId, period.Id, from, input.ToPrisonId!.Value, movedOn, input.Reason!.Value));
            await careRoles.GrantForCustodyAsync(period.PersonId, input.ToPrisonId!.Value, period.Id, Now, cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>Records the release: the journey's release milestones are dated from it.</summary>
    public Task<WriteResult> ReleaseAsync(Guid periodId, Guid version, ReleaseInput input, CancellationToken cancellationToken) =>
        ChangeAsync(periodId, version, async (period, rules) =>
        {
            if (period.IsReleased)
            {
                return new WriteResult.Refused("Their release is recorded already");
            }

            if (Refuse(rules.Validate(input, period)) is { } refused)
            {
                return refused;
            }

            input.ReleasedOn.TryGetDate(out var releasedOn);
            period.ReleasedOn = releasedOn;
            period.ReleaseKind = input.Kind;
            period.Accommodation = input.Accommodation;
            period.ReleaseBorough = input.ReleaseBorough!.Trim();
            audit.Record(new ReleaseRecorded(period.PersonId, period.Id, releasedOn, input.Kind!.Value, input.Accommodation!.Value, period.ReleaseBorough));
            await careRoles.FollowReleaseBoroughAsync(period.PersonId, period.Id, period.ReleaseBorough, Now, cancellationToken);
            await journeys.RefreshAsync(period, "Released", cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>Records the case outcome indicators after release; each change is kept in the audit trail.</summary>
    public Task<WriteResult> RecordOutcomesAsync(Guid periodId, Guid version, OutcomesInput input, CancellationToken cancellationToken) =>
        ChangeAsync(periodId, version, (period, _) =>
        {
            if (!period.IsReleased)
            {
                return Task.FromResult<WriteResult?>(new WriteResult.Refused(NotReleasedMessage));
            }

            if (Refuse(CustodyRules.Validate(input)) is { } refused)
            {
                return Task.FromResult<WriteResult?>(refused);
            }

            var changes = new List<FieldChange>();
            Note(changes, "Accommodation at three months", Outcome(period.AccommodationAtThreeMonths), Outcome(input.AccommodationAtThreeMonths));
            Note(changes, "Engagement with services", CustodyLabels.Engagement(period.Engagement), CustodyLabels.Engagement(input.Engagement));
            Note(changes, "Education, training or employment", CustodyLabels.Ete(period.Ete), CustodyLabels.Ete(input.Ete));
            if (changes.Count == 0)
            {
                return Task.FromResult<WriteResult?>(new WriteResult.Refused("Nothing was changed: change an outcome, or go back", nameof(OutcomesInput.AccommodationAtThreeMonths)));
            }

            period.AccommodationAtThreeMonths = input.AccommodationAtThreeMonths;
            period.Engagement = input.Engagement;
            period.Ete = input.Ete;
            period.OutcomesRecordedAt = Now;
            period.OutcomesRecordedByUserId = user.RequireUserId();
            audit.Record(new CaseOutcomesRecorded(period.PersonId, period.Id, changes));
            return Task.FromResult<WriteResult?>(null);
        }, cancellationToken);

    private static string Outcome(ReleaseAccommodation? accommodation) => accommodation is null ? "Not recorded" : CustodyLabels.Accommodation(accommodation);

    /// <summary>A recall opens a new period, linked to the released one whose licence it follows, with that licence's end dates.</summary>
    public Task<WriteResult> RecallAsync(Guid periodId, Guid version, Guid submissionId, RecallInput input, CancellationToken cancellationToken)
    {
        var existing = db.CustodyPeriods.Where(p => p.SubmissionId == submissionId && p.RecalledFromPeriodId == periodId).Select(p => (Guid?)p.Id);
        return Submissions.CreateOnceAsync(db, existing, async () =>
        {
            Guid recalledId = default;
            var result = await ChangeAsync(periodId, version, async (period, rules) =>
            {
                if (!period.IsReleased)
                {
                    return new WriteResult.Refused(NotReleasedMessage);
                }

                if (Refuse(rules.Validate(input, period)) is { } refused)
                {
                    return refused;
                }

                input.RecalledOn.TryGetDate(out var recalledOn);
                var recall = new CustodyPeriod
                {
                    Id = Guid.NewGuid(),
                    PersonId = period.PersonId,
                    ReceptionPrisonId = input.PrisonId!.Value,
                    ReceptionOn = recalledOn,
                    SentenceType = SentenceType.Recall,
                    LicenceExpiryOn = period.LicenceExpiryOn,
                    SentenceExpiryOn = period.SentenceExpiryOn,
                    TopUpSupervisionEndOn = period.TopUpSupervisionEndOn,
                    ReleaseBorough = period.ReleaseBorough,
                    RecalledFromPeriodId = period.Id,
                    JourneyTemplateId = await journeys.TemplateInForceAsync(cancellationToken),
                    CreatedAt = Now,
                    CreatedByUserId = user.RequireUserId(),
                    SubmissionId = submissionId,
                };
                db.CustodyPeriods.Add(recall);
                recalledId = recall.Id;
                audit.Record(new CustodyPeriodRecorded(recall.PersonId, recall.Id, recall.ReceptionPrisonId, Described(recall), period.Id));
                await careRoles.GrantForCustodyAsync(recall.PersonId, recall.ReceptionPrisonId, recall.Id, Now, cancellationToken);
                await careRoles.FollowReleaseBoroughAsync(recall.PersonId, recall.Id, recall.ReleaseBorough, Now, cancellationToken);
                await journeys.RefreshAsync(recall, null, cancellationToken);
                return null;
            }, cancellationToken);
            return result is WriteResult.Done ? new WriteResult.Done(recalledId) : result;
        }, cancellationToken);
    }

    /// <summary>Loads a period the user may see at the version they saw, changes it and bumps its version.</summary>
    private async Task<WriteResult> ChangeAsync(Guid periodId, Guid version, Func<CustodyPeriod, CustodyRules, Task<WriteResult?>> change, CancellationToken cancellationToken)
    {
        var period = await access.Visible().Include(p => p.Moves).SingleOrDefaultAsync(p => p.Id == periodId, cancellationToken);
        if (period is null)
        {
            return new WriteResult.NotFound();
        }

        if (!CustodyAccess.RightsFor(user).Has(CustodyRight.Record))
        {
            return new WriteResult.Refused(NotPermitted);
        }

        if (period.Version != version)
        {
            return new WriteResult.Conflict();
        }

        if (await change(period, await RulesAsync(cancellationToken)) is { } refused)
        {
            db.ChangeTracker.Clear();
            return refused;
        }

        period.Version = Guid.NewGuid();
        return await db.SaveOrConflictAsync(new WriteResult.Done(periodId), cancellationToken);
    }

    private static void Apply(CustodyPeriod period, CustodyInput input)
    {
        input.ReceptionOn.TryGetDate(out var reception);
        period.ReceptionOn = reception;
        period.SentenceOn = input.SentenceOn.TryGetDate(out var sentence) ? sentence : null;
        period.SentenceLengthMonths = CustodyRules.ParseMonths(input.SentenceLengthMonths);
        foreach (var date in Enum.GetValues<KeyDate>())
        {
            period.Set(date, input.Dates.Value(date));
        }

        period.ExpectedReleaseConfirmed = input.ExpectedReleaseConfirmed;
        period.ReleaseBorough = TextRules.Tidy(input.ReleaseBorough);
        period.Accommodation = input.Accommodation;
    }

    /// <summary>The period's facts as its creation's audit row lists them.</summary>
    private static List<FieldChange> Described(CustodyPeriod period)
    {
        var changes = new List<FieldChange>
        {
            new("Reception", null, Display.Date(period.ReceptionOn)),
            new("Sentence", null, CustodyLabels.Sentence(period.SentenceType)),
        };
        Note(changes, "Sentence date", null, DateText(period.SentenceOn));
        Note(changes, "Length", null, period.SentenceLengthMonths is { } months ? $"{months} months" : null);
        foreach (var date in Enum.GetValues<KeyDate>())
        {
            Note(changes, CustodyLabels.Date(date), null, DateText(period.Get(date)));
        }

        Note(changes, "Borough on release", null, BoroughText(period.ReleaseBorough));
        Note(changes, "Accommodation on release", null, period.Accommodation is null ? null : CustodyLabels.Accommodation(period.Accommodation));
        return changes;
    }

    private static void Note(List<FieldChange> changes, string field, string? from, string? to)
    {
        if (from != to)
        {
            changes.Add(new FieldChange(field, from, to));
        }
    }

    private static string? DateText(DateOnly? date) => date is { } d ? Display.Date(d) : null;

    private static string? BoroughText(string? code) => code is null ? null : Boroughs.All.LabelFor(code) ?? code;

    private static WriteResult.Refused? Refuse(ValidationResult result) =>
        result.Errors.FirstOrDefault() is { } failure ? new WriteResult.Refused(failure.ErrorMessage, failure.PropertyName) : null;
}
