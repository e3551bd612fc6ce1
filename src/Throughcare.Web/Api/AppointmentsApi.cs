using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Api;

/// <summary>An appointment as a partner system books it: startsAt carries its offset, place is an enum name.</summary>
public sealed record AppointmentRequest(
    DateTimeOffset? StartsAt, int? DurationMinutes, string? Place, string? PlaceDetail, Guid? StrandId, Guid? WorkerUserId, Guid? SecondWorkerUserId,
    string? Interpreter, bool ConfirmClash);

public sealed record AppointmentCreated(Guid Id, string Location);

/// <summary>
/// A booked, cancelled or closed appointment; outcome is set once it is closed, and contactId when it was closed as a
/// contact on its episode. EpisodeId is null for an appointment outside any episode.
/// </summary>
public sealed record AppointmentRecord(
    Guid Id, Guid? EpisodeId, Guid StrandId, DateTime StartsAt, int DurationMinutes, string Place, string? PlaceDetail, Guid WorkerUserId,
    Guid? SecondWorkerUserId, string? Interpreter, string State, Guid? SeriesId, string? CancelledBy, string? Outcome, Guid? ContactId);

/// <summary>A clash the booking was refused for: another booked appointment of the same worker or interpreter.</summary>
public sealed record AppointmentClashRecord(DateTime StartsAt, int DurationMinutes, Guid? WorkerUserId, string? Interpreter);

/// <summary>
/// Appointments for the service's own systems: a person's appointments in the episodes the token's organisation may see
/// and those it booked outside any episode, and booking one on an episode or outside one, with the same validator and
/// clash rule as the pages.
/// </summary>
public static class AppointmentsApi
{
    private const string GetAppointment = "GetAppointment";
    private const string GetPersonAppointment = "GetPersonAppointment";

    public static void MapAppointmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(EpisodesApi.Policy).AddEndpointFilter<RecordEndpointFilter>().WithTags("Appointments");
        api.MapGet("/people/{personId:guid}/appointments", ListAsync)
            .WithName("ListAppointments")
            .WithSummary("The person's appointments in the episodes the caller's organisation may see, and those it booked with them outside any episode, soonest first.")
            .Produces<IReadOnlyList<AppointmentRecord>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/episodes/{episodeId:guid}/appointments/{appointmentId:guid}", GetAsync)
            .WithName(GetAppointment)
            .WithSummary("One appointment on the episode.")
            .Produces<AppointmentRecord>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/episodes/{episodeId:guid}/appointments", BookAsync).DisableAntiforgery()
            .WithMetadata(new RequiresAttribute(EpisodeRight.Work))
            .WithName("BookAppointment")
            .WithSummary("Book an appointment on the episode. A clash with the worker's, second worker's or interpreter's other appointments answers 409 with "
                + "the clashes, unless confirmClash is true. Send an Idempotency-Key header so that a retry books it once.")
            .AsBooking();
        api.MapGet("/people/{personId:guid}/appointments/{personAppointmentId:guid}", GetOutsideEpisodeAsync)
            .WithName(GetPersonAppointment)
            .WithSummary("One appointment the caller's organisation booked with the person outside any episode.")
            .Produces<AppointmentRecord>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/people/{personId:guid}/appointments", BookOutsideEpisodeAsync).DisableAntiforgery()
            .WithMetadata(new RequiresAttribute(PersonRight.BookAppointments))
            .WithName("BookAppointmentOutsideEpisode")
            .WithSummary("Book an appointment with the person outside any episode (liaison and diversion, a hub's drop-in), on a strand of one of the caller's "
                + "organisation's services. Clashes answer 409 as for an episode's appointment, unless confirmClash is true. Send an Idempotency-Key header.")
            .AsBooking();
    }

    private static async Task<IResult> ListAsync(
        Guid personId, ThroughcareDbContext db, EpisodeAccess episodes, PersonAppointmentAccess outside, ReadAudit reads, CancellationToken cancellationToken)
    {
        var (appointments, _) = await PersonAppointmentList.ForPersonAsync(db, episodes, outside, personId, cancellationToken);
        reads.Shown(AuditRecordTypes.Person, personId, personId, details: new { appointments = appointments.Count });
        return Results.Ok(appointments.OrderBy(a => a.StartsAt).Select(Record).ToList());
    }

    private static async Task<IResult> GetAsync(Guid episodeId, Guid appointmentId, HttpContext http, ThroughcareDbContext db, ReadAudit reads, CancellationToken cancellationToken)
    {
        var inView = http.Record<EpisodeInView>();
        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointmentId && a.EpisodeId == episodeId, cancellationToken);
        reads.Shown(AuditRecordTypes.Appointment, appointment.Id, inView.PersonId, details: new { episode = episodeId });
        return Results.Ok(Record(appointment));
    }

    private static async Task<IResult> GetOutsideEpisodeAsync(Guid personAppointmentId, HttpContext http, ThroughcareDbContext db, ReadAudit reads, CancellationToken cancellationToken)
    {
        var inView = http.Record<PersonAppointmentInView>();
        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == personAppointmentId, cancellationToken);
        reads.Shown(AuditRecordTypes.Appointment, appointment.Id, inView.PersonId);
        return Results.Ok(Record(appointment));
    }

    /// <summary>What a booking endpoint takes and answers, on an episode or outside one.</summary>
    private static RouteHandlerBuilder AsBooking(this RouteHandlerBuilder endpoint) => endpoint
        .Accepts<AppointmentRequest>("application/json")
        .Produces<AppointmentCreated>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithIdempotencyKey();

    private static Task<IResult> BookAsync(
        Guid episodeId, [FromBody] AppointmentRequest? body, HttpContext http, AppointmentService appointments, ThroughcareDbContext db, LinkGenerator links,
        CancellationToken cancellationToken) =>
        BookWithAsync(appointments, episodeId, body, http, db, id => links.GetPathByName(GetAppointment, new { episodeId, appointmentId = id }), cancellationToken);

    private static Task<IResult> BookOutsideEpisodeAsync(
        Guid personId, [FromBody] AppointmentRequest? body, HttpContext http, PersonAppointments appointments, ThroughcareDbContext db, LinkGenerator links,
        CancellationToken cancellationToken) =>
        BookWithAsync(appointments, personId, body, http, db, id => links.GetPathByName(GetPersonAppointment, new { personId, personAppointmentId = id }), cancellationToken);

    /// <summary>Books on an episode or outside one: the pages' validator and clash rule, once per Idempotency-Key.</summary>
    private static async Task<IResult> BookWithAsync(
        IAppointmentBook book, Guid ownerId, AppointmentRequest? body, HttpContext http, ThroughcareDbContext db, Func<Guid, string?> location, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return NoBody();
        }

        var (input, errors) = Parse(body);
        if (await book.RulesAsync(ownerId, cancellationToken) is not { } rules)
        {
            return NotFound();
        }

        if (Invalid(rules, input, body, errors) is { } invalid)
        {
            return invalid;
        }

        var submissionId = IdempotencyKeys.SubmissionIdFor(http);
        if (!body.ConfirmClash && !await book.IsBookedAsync(ownerId, submissionId, cancellationToken)
            && await AppointmentClashes.ForAsync(db, input, cancellationToken) is { Count: > 0 } clashes)
        {
            return Clash(clashes);
        }

        return await AnswerAsync(await book.BookAsync(ownerId, submissionId, input, body.ConfirmClash, cancellationToken), location,
            () => AppointmentClashes.ForAsync(db, input, cancellationToken));
    }

    /// <summary>The request as the one input the pages validate too; what cannot be read at all is in the errors already.</summary>
    private static (AppointmentInput Input, Dictionary<string, string[]> Errors) Parse(AppointmentRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        var input = new AppointmentInput
        {
            DurationMinutes = body.DurationMinutes?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Place = EpisodesApi.ParseEnum<AppointmentPlace>(body.Place, "place", "Select where the appointment is", errors),
            PlaceDetail = body.PlaceDetail,
            StrandId = body.StrandId,
            WorkerUserId = body.WorkerUserId,
            SecondWorkerUserId = body.SecondWorkerUserId,
            Interpreter = body.Interpreter,
        };
        if (body.StartsAt is { } startsAt)
        {
            input.Date = DateParts.From(Display.LondonDate(startsAt.UtcDateTime));
            input.Time = ContactInput.LondonTime(startsAt.UtcDateTime);
        }

        return (input, errors);
    }

    private static IResult? Invalid(AppointmentRules rules, AppointmentInput input, AppointmentRequest body, Dictionary<string, string[]> errors)
    {
        foreach (var failure in rules.Validate(input).Errors)
        {
            var key = FieldKey(failure.PropertyName);
            errors.TryAdd(key, [body.StartsAt is null && key == "startsAt" ? "Enter when the appointment starts, like 2026-11-21T14:30:00+00:00" : failure.ErrorMessage]);
        }

        return errors.Count > 0 ? Results.ValidationProblem(errors) : null;
    }

    private static async Task<IResult> AnswerAsync(WriteResult result, Func<Guid, string?> location, Func<Task<IReadOnlyList<AppointmentClash>>> clashes) => result switch
    {
        WriteResult.Done done when location(done.Id) is { } path => Results.Created(path, new AppointmentCreated(done.Id, path)),
        WriteResult.Refused { Message: AppointmentService.ClashMessage } => Clash(await clashes()),
        WriteResult.Refused refused => Results.ValidationProblem(new Dictionary<string, string[]> { [FieldKey(refused.Field)] = [refused.Message] }),
        WriteResult.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The record was changed at the same time; try again"),
        _ => NotFound(),
    };

    private static IResult NoBody() => Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the appointment as JSON"] });

    private static IResult Clash(IReadOnlyList<AppointmentClash> clashes) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "The appointment clashes with others",
        detail: "Check the clashes, then send the appointment again with confirmClash set to true to book it anyway.",
        extensions: new Dictionary<string, object?> { ["clashes"] = clashes.Select(c => new AppointmentClashRecord(c.StartsAt, c.DurationMinutes, c.UserId, c.Interpreter)).ToList() });

    private static AppointmentRecord Record(Appointment a) => new(
        a.Id, a.EpisodeId, a.ServiceStrandId, a.StartsAt, a.DurationMinutes, a.Place.ToString(), a.PlaceDetail, a.WorkerUserId, a.SecondWorkerUserId, a.Interpreter,
        a.State.ToString(), a.SeriesId, a.CancelledBy?.ToString(), a.Outcome?.ToString(), a.ContactId);

    /// <summary>The request's field an input property comes from: the date and the time are both its startsAt.</summary>
    private static string FieldKey(string? property) => property switch
    {
        "Date" or "Time" or "" or null => "startsAt",
        var name => char.ToLowerInvariant(name[0]) + name[1..],
    };

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
