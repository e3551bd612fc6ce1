using System.Globalization;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.ReleaseLists;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Api;

/// <summary>The key dates of a period, each a date or null while it is not known.</summary>
public sealed record KeyDatesRecord(
    DateOnly? ConditionalRelease, DateOnly? ParoleEligibility, DateOnly? TariffExpiry, DateOnly? HomeDetentionCurfewEligibility, DateOnly? ExpectedRelease,
    DateOnly? LicenceExpiry, DateOnly? SentenceExpiry, DateOnly? TopUpSupervisionEnd);

/// <summary>A move between prisons; reason is a <see cref="MoveReason"/> name.</summary>
public sealed record CustodyMoveRecord(Guid Id, Guid FromPrisonId, Guid ToPrisonId, DateOnly MovedOn, string Reason, string? Note);

/// <summary>
/// A custody period: prisonId is the prison that received them, currentPrisonId the one they are in now (or left from).
/// Enum fields are names; version is what an If-Match header sends back to change it.
/// </summary>
public sealed record CustodyPeriodRecord(
    Guid Id, Guid PrisonId, Guid CurrentPrisonId, DateOnly ReceptionOn, DateOnly? SentenceOn, string SentenceType, int? SentenceLengthMonths,
    KeyDatesRecord KeyDates, bool ExpectedReleaseConfirmed, string? ReleaseBorough, string? Accommodation, DateOnly? ReleasedOn, string? ReleaseKind,
    Guid? RecalledFromPeriodId, Guid Version, IReadOnlyList<CustodyMoveRecord> Moves);

/// <summary>
/// A custody period as a prison or probation system records it: dates as yyyy-MM-dd, sentenceType and accommodation as
/// enum names, releaseBorough a borough code.
/// </summary>
public sealed record CustodyRequest(
    Guid? PrisonId, DateOnly? ReceptionOn, string? SentenceType, DateOnly? SentenceOn, int? SentenceLengthMonths, KeyDatesRecord? KeyDates,
    bool ExpectedReleaseConfirmed, string? ReleaseBorough, string? Accommodation);

public sealed record CustodyPeriodCreated(Guid Id, string Location);

/// <summary>A move to another prison; reason is a <see cref="MoveReason"/> name, and a note is needed for Other.</summary>
public sealed record CustodyMoveRequest(Guid? ToPrisonId, DateOnly? MovedOn, string? Reason, string? Note);

/// <summary>The release: kind is a <see cref="ReleaseKind"/> name, accommodation a <see cref="ReleaseAccommodation"/> name.</summary>
public sealed record CustodyReleaseRequest(DateOnly? ReleasedOn, string? Kind, string? Accommodation, string? ReleaseBorough);

/// <summary>
/// One change to a period: its dates and release plan, or a move, or the release. KeyDates names only the dates that
/// change (a date, or null to clear it); expectedReleaseConfirmed, releaseBorough and accommodation are left as they
/// are when absent or null, and an empty string clears the borough or the accommodation.
/// </summary>
public sealed record CustodyChangeRequest(
    Dictionary<string, DateOnly?>? KeyDates, bool? ExpectedReleaseConfirmed, string? ReleaseBorough, string? Accommodation, string? Reason,
    CustodyMoveRequest? Move, CustodyReleaseRequest? Release);

/// <summary>A milestone of the person's journey; standing is where it stands today (<see cref="MilestoneStanding"/>), overdue the same rule as the lists'.</summary>
public sealed record MilestoneRecord(
    Guid Id, Guid CustodyPeriodId, string Code, string Title, DateOnly? DueOn, string State, string Standing, bool Overdue, DateOnly? DoneOn,
    string? NotApplicableReason, string OwnerKind, string? Owner);

/// <summary>
/// Custody for the service's own systems and the prisons': a person's custody periods and journey of milestones, and
/// recording a period, a change of its key dates, a move and the release, with the same rules as the pages. A change
/// names the version it was made from in If-Match, so that it never overwrites someone else's.
/// </summary>
public static class CustodyApi
{
    private const string GetCustodyPeriod = "GetCustodyPeriod";
    private const string Record = "custody period";

    public static void MapCustodyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(EpisodesApi.Policy).AddEndpointFilter<RecordEndpointFilter>().WithTags("Custody");
        api.MapGet("/people/{personId:guid}/custody-periods", ListAsync)
            .WithName("ListCustodyPeriods")
            .WithSummary("The person's custody periods, the latest reception first, with their key dates, moves and release.")
            .Produces<IReadOnlyList<CustodyPeriodRecord>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/people/{personId:guid}/custody-periods", RecordAsync).DisableAntiforgery()
            .WithMetadata(new RequiresAttribute(PersonRight.RecordCustody))
            .WithName("RecordCustodyPeriod")
            .WithSummary("Record a period of custody for the person: the prison that received them, the sentence and whichever key dates are known. "
                + "The prison gains a role in the person's care and the journey's milestones are dated from the period. Send an Idempotency-Key header.")
            .Accepts<CustodyRequest>("application/json")
            .Produces<CustodyPeriodCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotencyKey();
        api.MapGet("/custody-periods/{custodyPeriodId:guid}", GetAsync)
            .WithName(GetCustodyPeriod)
            .WithSummary("One custody period. Its ETag header is its version, for the If-Match header of a change.")
            .Produces<CustodyPeriodRecord>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPatch("/custody-periods/{custodyPeriodId:guid}", ChangeAsync).DisableAntiforgery()
            .WithMetadata(new RequiresAttribute(CustodyRight.Record))
            .WithName("ChangeCustodyPeriod")
            .WithSummary("Change the period's key dates and release plan (a date that moves needs a reason), or record a move to another prison, or the "
                + "release: exactly one of them. Send the ETag you read in If-Match: without it the answer is 428, and 412 if the period has changed since.")
            .Accepts<CustodyChangeRequest>("application/json")
            .Produces<CustodyPeriodRecord>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithIdempotencyKey()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = HeaderNames.IfMatch,
                    In = ParameterLocation.Header,
                    Required = true,
                    Description = "The ETag of the period as last read, like \"3f2a…\": the change is made only if no one has changed the period since.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
                return Task.CompletedTask;
            });
        api.MapGet("/people/{personId:guid}/milestones", MilestonesAsync)
            .WithName("ListMilestones")
            .WithSummary("The milestones of the person's journey, the latest custody period first and each in the journey's order, with where each stands today.")
            .Produces<IReadOnlyList<MilestoneRecord>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/boroughs/{borough}/release-list", ReleaseListAsync)
            .WithName("GetReleaseList")
            .WithSummary("The people due for release to the borough (a borough code, such as southwark) within the window (weeks, 12 unless given, up to 52) "
                + "that the caller's organisation works with, soonest first. A local authority reads its own borough's list alone.")
            .Produces<IReadOnlyList<ReleaseListRow>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(Guid personId, CustodyAccess access, ReadAudit reads, CancellationToken cancellationToken)
    {
        var periods = await access.Visible().AsNoTracking().Include(p => p.Moves)
            .Where(p => p.PersonId == personId)
            .OrderByDescending(p => p.ReceptionOn).ThenByDescending(p => p.CreatedAt)
            .ToListAsync(cancellationToken);
        reads.Shown(AuditRecordTypes.Person, personId, personId, details: new { custodyPeriods = periods.Count });
        return Results.Ok(periods.Select(Describe).ToList());
    }

    private static async Task<IResult> GetAsync(Guid custodyPeriodId, HttpContext http, CustodyService custody, ReadAudit reads, CancellationToken cancellationToken)
    {
        var inView = http.Record<CustodyPeriodInView>();
        var period = await custody.FindAsync(custodyPeriodId, cancellationToken);
        if (period is null)
        {
            return NotFound();
        }

        reads.Shown(AuditRecordTypes.CustodyPeriod, period.Id, inView.PersonId);
        return Shown(http, period);
    }

    private static async Task<IResult> RecordAsync(
        Guid personId, [FromBody] CustodyRequest? body, HttpContext http, CustodyService custody, LinkGenerator links, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return NoBody();
        }

        var errors = new Dictionary<string, string[]>();
        var input = new CustodyInput
        {
            PrisonId = body.PrisonId,
            ReceptionOn = DateParts.From(body.ReceptionOn),
            SentenceType = EpisodesApi.ParseEnum<SentenceType>(body.SentenceType, "sentenceType", "Select the type of sentence", errors),
            SentenceOn = DateParts.From(body.SentenceOn),
            SentenceLengthMonths = body.SentenceLengthMonths?.ToString(CultureInfo.InvariantCulture),
            Dates = KeyDatesFrom(body.KeyDates),
            ExpectedReleaseConfirmed = body.ExpectedReleaseConfirmed,
            ReleaseBorough = body.ReleaseBorough,
            Accommodation = OptionalEnum<ReleaseAccommodation>(body.Accommodation, "accommodation", "Select the accommodation on release", errors),
        };
        if (Invalid((await custody.RulesAsync(cancellationToken)).Validate(input), errors, "") is { } invalid)
        {
            return invalid;
        }

        return await custody.RecordAsync(personId, IdempotencyKeys.SubmissionIdFor(http), input, cancellationToken) switch
        {
            WriteResult.Done done when links.GetPathByName(GetCustodyPeriod, new { custodyPeriodId = done.Id }) is { } location =>
                Results.Created(location, new CustodyPeriodCreated(done.Id, location)),
            var other => Problem(other, ""),
        };
    }

    private static async Task<IResult> ChangeAsync(
        Guid custodyPeriodId, [FromBody] CustodyChangeRequest? body, HttpContext http, CustodyService custody, CancellationToken cancellationToken)
    {
        if (!http.Request.Headers.ContainsKey(HeaderNames.IfMatch))
        {
            return Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "Send the period's version in an If-Match header",
                detail: "Read the period first: its ETag header is the version to send, so that a change never overwrites someone else's.");
        }

        var period = await custody.FindAsync(custodyPeriodId, cancellationToken);
        if (period is null)
        {
            return NotFound();
        }

        if (VersionIn(http.Request) != period.Version)
        {
            return Stale();
        }

        if (body is null)
        {
            return NoBody();
        }

        var datesGiven = body.KeyDates is not null || body.ExpectedReleaseConfirmed is not null || body.ReleaseBorough is not null || body.Accommodation is not null;
        if ((datesGiven ? 1 : 0) + (body.Move is null ? 0 : 1) + (body.Release is null ? 0 : 1) != 1)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["body"] = ["Send exactly one change: the key dates and release plan (keyDates, expectedReleaseConfirmed, releaseBorough, accommodation), or a move, or the release"],
            });
        }

        var rules = await custody.RulesAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if (body.Move is { } move)
        {
            var input = new MoveInput
            {
                ToPrisonId = move.ToPrisonId,
                MovedOn = DateParts.From(move.MovedOn),
                Reason = EpisodesApi.ParseEnum<MoveReason>(move.Reason, "move.reason", "Select why they moved", errors),
                Note = move.Note,
            };
            if (Invalid(rules.Validate(input, period), errors, "move.") is { } invalid)
            {
                return invalid;
            }

            return await AnswerAsync(http, custody, await custody.MoveAsync(period.Id, period.Version, input, cancellationToken), "move.", cancellationToken);
        }

        if (body.Release is { } release)
        {
            var input = new ReleaseInput
            {
                ReleasedOn = DateParts.From(release.ReleasedOn),
                Kind = EpisodesApi.ParseEnum<ReleaseKind>(release.Kind, "release.kind", "Select how they were released", errors),
                Accommodation = EpisodesApi.ParseEnum<ReleaseAccommodation>(release.Accommodation, "release.accommodation", "Select the accommodation on release", errors),
                ReleaseBorough = release.ReleaseBorough,
            };
            if (Invalid(rules.Validate(input, period), errors, "release.") is { } invalid)
            {
                return invalid;
            }

            return await AnswerAsync(http, custody, await custody.ReleaseAsync(period.Id, period.Version, input, cancellationToken), "release.", cancellationToken);
        }

        var dates = new CustodyDatesInput
        {
            Dates = KeyDatesInput.From(period),
            ExpectedReleaseConfirmed = body.ExpectedReleaseConfirmed ?? period.ExpectedReleaseConfirmed,
            ReleaseBorough = body.ReleaseBorough is { } borough ? (borough.Length == 0 ? null : borough) : period.ReleaseBorough,
            Accommodation = body.Accommodation switch
            {
                null => period.Accommodation,
                "" => null,
                var name => EpisodesApi.ParseEnum<ReleaseAccommodation>(name, "accommodation", "Select the accommodation on release", errors),
            },
            Reason = body.Reason,
        };
        foreach (var (key, value) in body.KeyDates ?? [])
        {
            if (Enum.GetNames<KeyDate>().FirstOrDefault(n => n.Equals(key, StringComparison.OrdinalIgnoreCase)) is { } name)
            {
                var (target, given) = (dates.Dates.Get(Enum.Parse<KeyDate>(name)), DateParts.From(value));
                (target.Day, target.Month, target.Year) = (given.Day, given.Month, given.Year);
            }
            else
            {
                errors[$"keyDates.{key}"] = [$"Name a key date: one of {string.Join(", ", Enum.GetNames<KeyDate>().Select(CamelCase))}"];
            }
        }

        if (Invalid(rules.Validate(dates, period), errors, "") is { } invalidDates)
        {
            return invalidDates;
        }

        return await AnswerAsync(http, custody, await custody.ChangeDatesAsync(period.Id, period.Version, dates, cancellationToken), "", cancellationToken);
    }

    private static async Task<IResult> MilestonesAsync(Guid personId, JourneyReader journeys, TimeProvider time, ReadAudit reads, CancellationToken cancellationToken)
    {
        var rows = (await journeys.ForPersonAsync(personId, cancellationToken)).SelectMany(p => p.Milestones).ToList();
        var today = Display.Today(time);
        reads.Shown(AuditRecordTypes.Person, personId, personId, details: new { milestones = rows.Count });
        return Results.Ok(rows.Select(r => new MilestoneRecord(
            r.Milestone.Id, r.Milestone.CustodyPeriodId, r.Definition.Code, r.Definition.Title, r.Milestone.DueOn, r.Milestone.State.ToString(),
            r.Standing(today).ToString(), MilestoneStatus.IsOverdue(r.Milestone, today), r.Milestone.DoneOn,
            r.Milestone.NotApplicableReason, r.Definition.OwnerKind.ToString(), r.Definition.Owner)).ToList());
    }

    /// <summary>A borough's release list, as the caller's organisation may see it; a local authority reads its own borough's alone.</summary>
    private static async Task<IResult> ReleaseListAsync(string borough, ReleaseListReader reader, TimeProvider time, ReadAudit reads, CancellationToken cancellationToken, int? weeks = null)
    {
        if (!await reader.MayReadAsync(borough, cancellationToken))
        {
            return NotFound();
        }

        var rows = await reader.DueAsync(borough, Display.Today(time), Math.Clamp(weeks ?? ReleaseListReader.DefaultWeeks, 1, ReleaseListReader.MaximumWeeks), cancellationToken);
        reads.ShownPeople(rows.Select(r => r.PersonId), AuditActions.Export, $"release list for {borough}, API");
        return Results.Ok(rows);
    }

    /// <summary>The changed period with its new version, or why it was not changed: a stale version is a failed precondition.</summary>
    private static async Task<IResult> AnswerAsync(HttpContext http, CustodyService custody, WriteResult result, string prefix, CancellationToken cancellationToken)
    {
        if (result is not WriteResult.Done done)
        {
            return Problem(result, prefix);
        }

        return await custody.FindAsync(done.Id, cancellationToken) is { } period ? Shown(http, period) : NotFound();
    }

    private static IResult Problem(WriteResult result, string prefix) => result switch
    {
        WriteResult.Conflict => Stale(),
        WriteResult.Refused refused => WriteProblems.Problem(refused with { Field = refused.Field is null ? null : FieldKey(refused.Field, prefix) }, Record),
        _ => WriteProblems.Problem(result, Record),
    };

    /// <summary>The period, with its version as the ETag a change sends back in If-Match.</summary>
    private static IResult Shown(HttpContext http, CustodyPeriod period)
    {
        http.Response.Headers.ETag = ETag(period.Version);
        return Results.Ok(Describe(period));
    }

    private static string ETag(Guid version) => $"\"{version}\"";

    /// <summary>The version an If-Match header names, strong or weak, quoted or not; null when it names none.</summary>
    private static Guid? VersionIn(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return Guid.TryParse(value.Trim('"'), out var version) ? version : null;
    }

    private static IResult Stale() => Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The custody period has changed since you read it",
        detail: "Nothing was changed. Read the period again, check its dates, and send the change with its new ETag in If-Match.");

    /// <summary>Every error the rules found, under the request's field names, with what could not be read at all.</summary>
    private static IResult? Invalid(ValidationResult result, Dictionary<string, string[]> errors, string prefix)
    {
        foreach (var failure in result.Errors)
        {
            errors.TryAdd(FieldKey(failure.PropertyName, prefix), [failure.ErrorMessage]);
        }

        return errors.Count > 0 ? Results.ValidationProblem(errors) : null;
    }

    /// <summary>The request's field an input property comes from: the input's Dates are the request's keyDates.</summary>
    private static string FieldKey(string property, string prefix) =>
        prefix + string.Join('.', property.Split('.').Select((part, i) => i == 0 && part == nameof(CustodyInput.Dates) ? "keyDates" : CamelCase(part)));

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static T? OptionalEnum<T>(string? value, string name, string message, Dictionary<string, string[]> errors)
        where T : struct, Enum =>
        string.IsNullOrEmpty(value) ? null : EpisodesApi.ParseEnum<T>(value, name, message, errors);

    private static KeyDatesInput KeyDatesFrom(KeyDatesRecord? dates) => dates is null ? new() : new()
    {
        ConditionalRelease = DateParts.From(dates.ConditionalRelease),
        ParoleEligibility = DateParts.From(dates.ParoleEligibility),
        TariffExpiry = DateParts.From(dates.TariffExpiry),
        HomeDetentionCurfewEligibility = DateParts.From(dates.HomeDetentionCurfewEligibility),
        ExpectedRelease = DateParts.From(dates.ExpectedRelease),
        LicenceExpiry = DateParts.From(dates.LicenceExpiry),
        SentenceExpiry = DateParts.From(dates.SentenceExpiry),
        TopUpSupervisionEnd = DateParts.From(dates.TopUpSupervisionEnd),
    };

    private static CustodyPeriodRecord Describe(CustodyPeriod p) => new(
        p.Id, p.ReceptionPrisonId, p.CurrentPrisonId, p.ReceptionOn, p.SentenceOn, p.SentenceType.ToString(), p.SentenceLengthMonths,
        new KeyDatesRecord(p.ConditionalReleaseOn, p.ParoleEligibilityOn, p.TariffExpiryOn, p.HomeDetentionCurfewEligibilityOn, p.ExpectedReleaseOn,
            p.LicenceExpiryOn, p.SentenceExpiryOn, p.TopUpSupervisionEndOn),
        p.ExpectedReleaseConfirmed, p.ReleaseBorough, p.Accommodation?.ToString(), p.ReleasedOn, p.ReleaseKind?.ToString(), p.RecalledFromPeriodId, p.Version,
        p.Moves.OrderBy(m => m.MovedOn).ThenBy(m => m.RecordedAt)
            .Select(m => new CustodyMoveRecord(m.Id, m.FromPrisonId, m.ToPrisonId, m.MovedOn, m.Reason.ToString(), m.Note)).ToList());

    private static IResult NoBody() => Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the custody period as JSON"] });

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
