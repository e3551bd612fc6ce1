using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Web.Pages.Episodes.Appointments;

/// <summary>The choices on the appointment forms, and the names an appointment shows.</summary>
public static class AppointmentForm
{
    public static IEnumerable<SelectListItem> PlaceItems =>
        Enum.GetValues<AppointmentPlace>().Select(p => new SelectListItem(AppointmentLabels.Place(p), p.ToString()));

    public static IEnumerable<SelectListItem> RepeatItems =>
        [new SelectListItem("Does not repeat", ""), .. Enum.GetValues<RepeatRule>().Select(r => new SelectListItem(AppointmentLabels.Repeat(r), r.ToString()))];

    public static IEnumerable<SelectListItem> CancelledByItems =>
        Enum.GetValues<CancelledBy>().Select(c => new SelectListItem(c == CancelledBy.Person ? "The person" : "The service", c.ToString()));

    public static IEnumerable<SelectListItem> Choices(IEnumerable<AppointmentChoice> choices) =>
        choices.Select(c => new SelectListItem(c.Name, c.Id.ToString()));

    /// <summary>Display names of the staff and strands the appointments name.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(ThroughcareDbContext db, IEnumerable<Appointment> appointments, IEnumerable<Guid> more, CancellationToken cancellationToken)
    {
        var ids = appointments.SelectMany(a => new[] { a.WorkerUserId, a.SecondWorkerUserId ?? Guid.Empty, a.ServiceStrandId }).Concat(more).Distinct().ToList();
        var users = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var strands = await db.ServiceStrands.Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        return users.Select(u => (u.Id, u.DisplayName)).Concat(strands.Select(s => (s.Id, s.Name))).ToDictionary(x => x.Item1, x => x.Item2);
    }
}

/// <summary>Clashes as the form warns of them: when, and whose.</summary>
public sealed record ClashWarning(IReadOnlyList<AppointmentClash> Clashes, IReadOnlyDictionary<Guid, string> Names)
{
    public string Who(AppointmentClash clash) => clash.UserId is { } id ? Names.GetValueOrDefault(id) ?? "A worker" : $"Interpreter {clash.Interpreter}";
}
