using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

public static class CaseloadTestData
{
    /// <summary>Three did-not-attends, an overdue action and a review point five days away.</summary>
    public static async Task<EpisodeScenario> WorryingEpisodeAsync(ThroughcareFactory factory)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        await factory.WithDbAsync(async db =>
        {
            var today = factory.Today;
            var episode = await db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id);
            episode.StartedOn = today.AddMonths(-scenario.Service.ReviewIntervalMonths).AddDays(5);
            episode.CreatedAt = factory.UtcNow.AddDays(-80);
            for (var i = 1; i <= 3; i++)
            {
                db.Contacts.Add(new Contact
                {
                    Id = Guid.NewGuid(),
                    EpisodeId = episode.Id,
                    ServiceStrandId = scenario.EmotionalStrand.Id,
                    OccurredAt = factory.UtcNow.AddDays(-7 * i),
                    DurationMinutes = 0,
                    Mode = ContactMode.FaceToFace,
                    Attendance = Attendance.DidNotAttend,
                    RecordedAt = factory.UtcNow,
                    RecordedByUserId = scenario.EmotionalWorker.Id,
                });
            }

            var goal = new Goal { Id = Guid.NewGuid(), EpisodeId = episode.Id, Description = "Find a settled home", CreatedAt = factory.UtcNow, CreatedByUserId = scenario.EmotionalWorker.Id };
            db.Goals.Add(goal);
            db.GoalActions.Add(new GoalAction { Id = Guid.NewGuid(), GoalId = goal.Id, EpisodeId = episode.Id, Description = "Housing application", Owner = ActionOwner.Worker, DueOn = today.AddDays(-1), CreatedAt = factory.UtcNow, CreatedByUserId = scenario.EmotionalWorker.Id });
            db.GoalActions.Add(new GoalAction { Id = Guid.NewGuid(), GoalId = goal.Id, EpisodeId = episode.Id, Description = "Done already", Owner = ActionOwner.Person, DueOn = today.AddDays(-3), Status = ActionStatus.Done, CreatedAt = factory.UtcNow, CreatedByUserId = scenario.EmotionalWorker.Id });
            return await db.SaveChangesAsync();
        });
        return scenario;
    }
}
