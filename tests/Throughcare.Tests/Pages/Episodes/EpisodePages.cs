using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>Look-ups and checks shared by the episode's page tests.</summary>
public static class EpisodePages
{
    public static Task<Guid> EpisodeVersionAsync(this ThroughcareFactory factory, EpisodeScenario scenario) =>
        factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).Select(e => e.Version).SingleAsync());

    public static Task<Episode> LoadEpisodeAsync(this ThroughcareFactory factory, EpisodeScenario scenario) =>
        factory.WithDbAsync(db => db.Episodes.AsNoTracking().Include(e => e.Strands).SingleAsync(e => e.Id == scenario.Episode.Id));

    /// <summary>The audit rows of one event type about the episode, oldest first.</summary>
    public static Task<List<AuditEvent>> EpisodeEventsAsync<TEvent>(this ThroughcareFactory factory, EpisodeScenario scenario)
        where TEvent : AuditedEvent =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.AggregateId == scenario.Episode.Id && a.EventType == typeof(TEvent).Name)
            .OrderBy(a => a.Sequence)
            .ToListAsync());

    /// <summary>The event a row holds, read back by its type.</summary>
    public static TEvent Event<TEvent>(this AuditEvent row)
        where TEvent : AuditedEvent =>
        AuditEventTypes.Read(row.EventType, row.Details).ShouldBeOfType<TEvent>();

    /// <summary>The row records this action on this record of the episode's person, by this user.</summary>
    public static AuditEvent ShouldBeAbout(this AuditEvent row, string recordType, Guid recordId, string action, EpisodeScenario scenario, TestUser user)
    {
        row.RecordType.ShouldBe(recordType);
        row.RecordId.ShouldBe(recordId.ToString());
        row.Action.ShouldBe(action);
        row.PersonId.ShouldBe(scenario.PersonId);
        row.AggregateId.ShouldBe(scenario.Episode.Id);
        row.UserId.ShouldBe(user.Id);
        return row;
    }

    /// <summary>No audit row about the person holds any of these words: the care's own text stays out of the trail.</summary>
    public static async Task ShouldNotBeInTheAuditTrailAsync(this ThroughcareFactory factory, EpisodeScenario scenario, params string[] texts)
    {
        var details = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.PersonId == scenario.PersonId && a.Details != null).Select(a => a.Details!).ToListAsync());
        foreach (var text in texts)
        {
            details.ShouldNotContain(d => d.Contains(text, StringComparison.Ordinal), $"the audit trail holds \u2018{text}\u2019");
        }
    }

    /// <summary>Each of these users, signed in, finds none of these paths under the episode.</summary>
    public static async Task ShouldFindNothingAsync(this ThroughcareFactory factory, EpisodeScenario scenario, IEnumerable<TestUser> users, params string[] paths)
    {
        foreach (var user in users)
        {
            var browser = await Browser.SignInAsync(factory, user);
            foreach (var path in paths)
            {
                (await browser.GetAsync(scenario.Path + path)).Status.ShouldBe(HttpStatusCode.NotFound, path);
            }
        }
    }

    /// <summary>The text of the success banner the layout shows, or null.</summary>
    public static string? Banner(this Page page) => page.Document.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading")?.TextContent.Trim();
}
