using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>Disengaged episodes, re-engagement attempts and the engagement forms, for the engagement pages' tests.</summary>
public static class EngagementTestData
{
    /// <summary>A disengaged episode that became disengaged 30 days ago, with the service's minimum of 3 attempts.</summary>
    public static async Task<EpisodeScenario> DisengagedAsync(ThroughcareFactory factory)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Disengaged);
        await factory.WithDbAsync(db =>
        {
            db.EpisodeTransitions.Add(new EpisodeTransition { Id = Guid.NewGuid(), EpisodeId = scenario.Episode.Id, From = EpisodeState.Active, To = EpisodeState.Disengaged, At = factory.UtcNow.AddDays(-30), Reason = "Stopped coming" });
            return db.SaveChangesAsync();
        });
        return scenario;
    }

    /// <summary>Re-engagement attempts that did not reach the person, at noon UTC so many days ago.</summary>
    public static Task AddAttemptsAsync(ThroughcareFactory factory, EpisodeScenario scenario, params (int DaysAgo, ContactMode Mode)[] attempts) =>
        factory.WithDbAsync(db =>
        {
            foreach (var (daysAgo, mode) in attempts)
            {
                db.Contacts.Add(new Contact
                {
                    Id = Guid.NewGuid(),
                    EpisodeId = scenario.Episode.Id,
                    ServiceStrandId = scenario.EmotionalStrand.Id,
                    OccurredAt = factory.UtcNow.Date.AddDays(-daysAgo).AddHours(12),
                    Mode = mode,
                    Attendance = Attendance.DidNotAttend,
                    IsReengagementAttempt = true,
                    RecordedAt = factory.UtcNow,
                    RecordedByUserId = scenario.EmotionalWorker.Id,
                });
            }

            return db.SaveChangesAsync();
        });

    public static readonly Dictionary<string, string> Reflection = new()
    {
        ["Input.WhatIsGoingOn"] = "His housing fell through",
        ["Input.WhatMayHaveBeenMissed"] = "We did not ask about his mother's illness",
        ["Input.WhatWasTried"] = "Calls and a home visit",
    };

    public static async Task<Page> ReflectAsync(Browser browser, EpisodeScenario scenario) =>
        await browser.PostFormAsync(scenario.Path + "/engagement/reflect", new(Reflection) { ["SubmissionId"] = Guid.NewGuid().ToString() });

    public static async Task<Page> ProposeAsync(ThroughcareFactory factory, Browser browser, EpisodeScenario scenario, string reason = "Disengaged", Dictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Version"] = (await factory.EpisodeVersionAsync(scenario)).ToString(),
            ["Input.Reason"] = reason,
            ["Input.Summary"] = "He stopped engaging after his housing fell through.",
        };
        foreach (var (key, value) in extra ?? [])
        {
            fields[key] = value;
        }

        return await browser.PostFormAsync(scenario.Path + "/engagement/close", fields);
    }

    /// <summary>A closure proposed by the emotional worker, waiting for a manager's sign-off.</summary>
    public static async Task<EpisodeScenario> ClosingAsync(ThroughcareFactory factory, string reason = "Completed")
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var worker = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        (await ProposeAsync(factory, worker, scenario, reason)).Status.ShouldBe(System.Net.HttpStatusCode.Redirect);
        return scenario;
    }
}
