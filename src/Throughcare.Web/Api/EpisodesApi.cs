using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Web.Api;

public sealed record EpisodeStrandStatus(Guid StrandId, string Name, string Worker, DateTime StartedAt, DateTime? EndedAt);

public sealed record EpisodeStatus(
    Guid Id, string State, string Service, DateOnly StartedOn, DateOnly PlannedEndOn, IReadOnlyList<EpisodeStrandStatus> Strands,
    DateTime? LastContactAt, bool AtRisk, string? AtRiskReason);

/// <summary>A contact as a partner system sends it; occurredAt carries its offset, mode and attendance are enum names.</summary>
public sealed record ContactRequest(
    DateTimeOffset? OccurredAt, int? DurationMinutes, string? Mode, Guid? StrandId, string? Attendance,
    IReadOnlyList<string>? Interventions, IReadOnlyList<string>? Pathways, string? Note, bool NoteRestricted, bool IsReengagementAttempt);

public sealed record ContactCreated(Guid Id, string Location);

/// <summary>A recorded contact; the note is null when it is restricted and the caller is outside the episode's team.</summary>
public sealed record ContactRecord(
    Guid Id, DateTime OccurredAt, int DurationMinutes, string Mode, Guid StrandId, string Attendance, IReadOnlyList<string> Interventions,
    IReadOnlyList<string> Pathways, string? Note, bool NoteRestricted, bool IsReengagementAttempt, DateTime RecordedAt, DateTime? CorrectedAt);

/// <summary>
/// /api/v1/episodes for the service's own systems: read an episode's state and record contacts. The same access rules
/// and the same validator as the pages; the token's user must be a practitioner or manager of the service.
/// </summary>
public static class EpisodesApi
{
    public const string Policy = "api.episodes";

    private const string GetContact = "GetContact";

    public static void MapEpisodesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/episodes").RequireAuthorization(Policy).AddEndpointFilter<RecordEndpointFilter>().WithTags("Episodes");
        api.MapGet("/{episodeId:guid}", GetAsync)
            .WithName("GetEpisode")
            .WithSummary("An episode's state, dates, strands, last contact and at-risk signal.")
            .Produces<EpisodeStatus>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{episodeId:guid}/contacts/{contactId:guid}", GetContactAsync)
            .WithName(GetContact)
            .WithSummary("One contact on the episode, as recorded or last corrected. A restricted note is left out for anyone outside the episode's team.")
            .Produces<ContactRecord>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{episodeId:guid}/contacts", RecordContactAsync).DisableAntiforgery()
            .WithMetadata(new RequiresAttribute(EpisodeRight.Work))
            .WithName("RecordContact")
            .WithSummary("Record a contact on the episode. Send an Idempotency-Key header so that a retry records it once.")
            .Accepts<ContactRequest>("application/json")
            .Produces<ContactCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotencyKey();
    }

    private static async Task<IResult> GetAsync(Guid episodeId, ThroughcareDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.AsNoTracking().Include(e => e.Strands).SingleAsync(e => e.Id == episodeId, cancellationToken);
        var service = await db.Services.AsNoTracking().Include(s => s.Strands).SingleAsync(s => s.Id == episode.ServiceId, cancellationToken);
        var workerIds = episode.Strands.Select(s => s.WorkerUserId).Distinct().ToList();
        var workers = await db.Users.Where(u => workerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.EpisodeId == episodeId).Select(c => new { c.OccurredAt, c.Attendance }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var signal = EngagementRules.Assess(episode.State, episode.StartedOn, contacts.Select(c => (c.OccurredAt, c.Attendance)), await db.Appointments.OverdueAsync(episodeId, now, cancellationToken), now, service);

        return Results.Ok(new EpisodeStatus(
            episode.Id, episode.State.ToString(), service.Name, episode.StartedOn, episode.PlannedEndOn,
            episode.Strands.OrderBy(s => s.StartedAt).Select(s => new EpisodeStrandStatus(
                s.ServiceStrandId, service.Strands.SingleOrDefault(x => x.Id == s.ServiceStrandId)?.Name ?? "Strand",
                workers.GetValueOrDefault(s.WorkerUserId) ?? "", s.StartedAt, s.EndedAt)).ToList(),
            contacts.Where(c => c.OccurredAt <= now).Select(c => (DateTime?)c.OccurredAt).Max(), signal.AtRisk, signal.Reason));
    }

    private static async Task<IResult> GetContactAsync(Guid episodeId, Guid contactId, HttpContext http, ThroughcareDbContext db, ReadAudit reads, CancellationToken cancellationToken)
    {
        var inView = http.Record<EpisodeInView>();
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contactId && c.EpisodeId == episodeId, cancellationToken);
        var showNote = !contact.NoteRestricted || inView.May(EpisodeRight.SeeRestricted);
        reads.Shown(AuditRecordTypes.Contact, contact.Id, inView.PersonId, details: new { restricted = contact.NoteRestricted && showNote });
        return Results.Ok(new ContactRecord(
            contact.Id, contact.OccurredAt, contact.DurationMinutes, contact.Mode.ToString(), contact.ServiceStrandId, contact.Attendance.ToString(),
            contact.Interventions, contact.Pathways, showNote ? contact.Note : null, contact.NoteRestricted, contact.IsReengagementAttempt, contact.RecordedAt, contact.CorrectedAt));
    }

    private static async Task<IResult> RecordContactAsync(
        Guid episodeId, [FromBody] ContactRequest? body, HttpContext http, ContactService contacts, LinkGenerator links, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the contact as JSON"] });
        }

        var errors = new Dictionary<string, string[]>();
        var input = new ContactInput
        {
            DurationMinutes = body.DurationMinutes?.ToString(CultureInfo.InvariantCulture),
            Mode = ParseEnum<ContactMode>(body.Mode, "mode", "Select how the contact took place", errors),
            StrandId = body.StrandId,
            Attendance = ParseEnum<Attendance>(body.Attendance, "attendance", "Select whether the person attended", errors),
            Interventions = [.. body.Interventions ?? []],
            Pathways = [.. body.Pathways ?? []],
            Note = body.Note,
            NoteRestricted = body.NoteRestricted,
            IsReengagementAttempt = body.IsReengagementAttempt,
        };
        if (body.OccurredAt is { } occurredAt)
        {
            input.Date = DateParts.From(Core.Infrastructure.Text.Display.LondonDate(occurredAt.UtcDateTime));
            input.Time = ContactInput.LondonTime(occurredAt.UtcDateTime);
        }

        var rules = await contacts.RulesAsync(episodeId, cancellationToken);
        if (rules is null)
        {
            return NotFound();
        }

        foreach (var failure in rules.Validate(input).Errors)
        {
            var key = FieldKey(failure.PropertyName);
            if (!errors.ContainsKey(key))
            {
                errors[key] = [body.OccurredAt is null && key == "occurredAt" ? "Enter the date and time of the contact, like 2026-11-21T14:30:00+00:00" : failure.ErrorMessage];
            }
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        return await contacts.RecordAsync(episodeId, IdempotencyKeys.SubmissionIdFor(http), input, cancellationToken) switch
        {
            WriteResult.Done done when links.GetPathByName(GetContact, new { episodeId, contactId = done.Id }) is { } location =>
                Results.Created(location, new ContactCreated(done.Id, location)),
            WriteResult.Refused refused => Results.ValidationProblem(new Dictionary<string, string[]> { [FieldKey(refused.Field)] = [refused.Message] }),
            WriteResult.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The episode was changed at the same time; try again"),
            _ => NotFound(),
        };
    }

    /// <summary>The request's field a contact's property comes from: the date and the time are both its occurredAt.</summary>
    private static string FieldKey(string? property) => property switch
    {
        "Date" or "Time" or "" or null => "occurredAt",
        var name => char.ToLowerInvariant(name[0]) + name[1..],
    };

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Episode not found");

    internal static T? ParseEnum<T>(string? value, string name, string message, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (value is not null && Enum.GetNames<T>().Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return Enum.Parse<T>(value, ignoreCase: true);
        }

        errors[name] = [$"{message}: one of {string.Join(", ", Enum.GetNames<T>())}"];
        return null;
    }
}
