using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>An episode begun weeks ago, so contacts can be dated in the past, and a valid contact form for it.</summary>
public static class ContactTestData
{
    public static async Task<EpisodeScenario> CreateAsync(ThroughcareFactory factory, EpisodeState state = EpisodeState.Engaging)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(state);
        await factory.WithDbAsync(async db =>
        {
            var episode = await db.Episodes.Include(e => e.Strands).SingleAsync(e => e.Id == scenario.Episode.Id);
            episode.StartedOn = episode.StartedOn.AddDays(-60);
            foreach (var strand in episode.Strands)
            {
                strand.StartedAt = strand.StartedAt.AddDays(-60);
            }

            return await db.SaveChangesAsync();
        });
        return scenario;
    }

    public static DateOnly Yesterday => TestTime.StartDate.AddDays(-1);

    /// <summary>A valid contact as the episodes API takes it: a phone call on the worker's strand at the time given.</summary>
    public static object ApiContact(EpisodeScenario scenario, DateTimeOffset occurredAt, int durationMinutes = 45, string note = "Spoke on the phone") => new
    {
        occurredAt,
        durationMinutes,
        mode = "Phone",
        strandId = scenario.EmotionalStrand.Id,
        attendance = "Attended",
        interventions = new[] { "motivational-interviewing" },
        pathways = new[] { "accommodation" },
        note,
        noteRestricted = false,
        isReengagementAttempt = false,
    };

    public static Dictionary<string, string> ValidForm(EpisodeScenario scenario, Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["SubmissionId"] = Guid.NewGuid().ToString(),
            ["Input.Date.Day"] = Yesterday.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date.Month"] = Yesterday.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date.Year"] = Yesterday.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Time"] = "14:30",
            ["Input.DurationMinutes"] = "50",
            ["Input.Mode"] = nameof(ContactMode.FaceToFace),
            ["Input.StrandId"] = scenario.EmotionalStrand.Id.ToString(),
            ["Input.Attendance"] = nameof(Attendance.Attended),
            ["Input.Interventions"] = "safety-planning",
            ["Input.Pathways"] = "health",
            ["Input.Note"] = "Talked through the week.",
        };
        change?.Invoke(fields);
        return fields;
    }

    /// <summary>A contact put straight into the database, for tests about reading.</summary>
    public static Task<Contact> SeedAsync(ThroughcareFactory factory, EpisodeScenario scenario, Action<Contact>? change = null) =>
        factory.WithDbAsync(async db =>
        {
            var contact = new Contact
            {
                Id = Guid.NewGuid(),
                EpisodeId = scenario.Episode.Id,
                ServiceStrandId = scenario.EmotionalStrand.Id,
                OccurredAt = factory.UtcNow.AddDays(-2),
                DurationMinutes = 45,
                Mode = ContactMode.Phone,
                Attendance = Attendance.Attended,
                Interventions = ["safety-planning"],
                Note = "Seeded note",
                RecordedAt = factory.UtcNow,
                RecordedByUserId = scenario.EmotionalWorker.Id,
            };
            change?.Invoke(contact);
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact;
        });
}
