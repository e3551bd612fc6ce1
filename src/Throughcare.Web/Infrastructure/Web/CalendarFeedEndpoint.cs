using System.Security.Claims;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Web.Infrastructure.Web;

/// <summary>
/// A worker's appointments as iCalendar at their unguessable address, for the calendar they already use: four weeks back
/// to 26 weeks ahead, each event with only the person's initials and the place. The address is the only credential, so
/// it answers as its owner (their organisation's access rules, their name in the audit trail) and 404 once revoked.
/// </summary>
public static class CalendarFeedEndpoint
{
    public const string RateLimit = "calendar-feed";
    public static readonly TimeSpan Behind = TimeSpan.FromDays(28);
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(26 * 7);

    public static void MapCalendarFeed(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/calendar/{token}.ics", ServeAsync).AllowAnonymous().RequireRateLimiting(RateLimit).ExcludeFromDescription();

    private static async Task<IResult> ServeAsync(string token, HttpContext http, CalendarFeeds feeds, ThroughcareDbContext db, ReadAudit reads, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await feeds.FindOwnerAsync(token, cancellationToken) is not { } owner)
        {
            return Results.NotFound();
        }

        http.User = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, owner.UserId.ToString()),
                new Claim(ClaimTypes.Name, owner.UserName),
                new Claim(ThroughcareClaims.DisplayName, owner.DisplayName),
                new Claim(ThroughcareClaims.OrganisationId, owner.OrganisationId.ToString()),
                new Claim(ThroughcareClaims.OrganisationName, owner.OrganisationName),
            ],
            RateLimit));

        var now = time.GetUtcNow().UtcDateTime;
        var (earliest, latest) = (now - Behind, now + Ahead);

        // Through the episode (or, outside one, the owner's organisation) and the person, so the organisation's access rules
        // apply as they do on every page.
        var appointments = await (
                from a in db.Appointments
                where (a.WorkerUserId == owner.UserId || a.SecondWorkerUserId == owner.UserId) && a.StartsAt >= earliest && a.StartsAt <= latest
                where a.EpisodeId == null ? a.OrganisationId == owner.OrganisationId : db.Episodes.Any(e => e.Id == a.EpisodeId)
                join p in db.People on a.PersonId equals p.Id
                orderby a.StartsAt
                select new { a.Id, a.PersonId, a.StartsAt, a.DurationMinutes, a.Place, a.PlaceDetail, a.State, p.Details.GivenName, p.Details.FamilyName })
            .AsNoTracking().ToListAsync(cancellationToken);

        reads.ShownPeople(appointments.Select(a => a.PersonId).Distinct(), AuditActions.View, purpose: "calendar feed");
        await reads.SaveAsync(cancellationToken);

        var calendar = new Calendar { ProductId = "-//Throughcare//Appointments//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Appointments");
        var stamp = new CalDateTime(now);
        foreach (var a in appointments)
        {
            var start = DateTime.SpecifyKind(a.StartsAt, DateTimeKind.Utc);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{a.Id}@throughcare",
                DtStamp = stamp,
                Start = new CalDateTime(start),
                End = new CalDateTime(start.AddMinutes(a.DurationMinutes)),
                Summary = $"Appointment: {Initials(a.GivenName, a.FamilyName)}, {ReminderWording.PlaceKind(a.Place).ToLowerInvariant()}",
                Location = string.IsNullOrWhiteSpace(a.PlaceDetail) ? null : a.PlaceDetail.Trim(),
                Status = a.State == AppointmentState.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            });
        }

        http.Response.Headers.CacheControl = "private, no-store";
        return Results.Text(new CalendarSerializer().SerializeToString(calendar), "text/calendar; charset=utf-8");
    }

    public static string Initials(string givenName, string familyName) =>
        string.Concat(new[] { givenName, familyName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => char.ToUpperInvariant(n.Trim()[0]) + "."));
}
