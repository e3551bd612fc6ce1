using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Throughcare.Tests.Journeys;

[Trait("Category", "Journey")]
[Collection(BrowserJourneys.Name)]
[LongRunning]
public sealed class EpisodeJourneyTests(JourneyFixture fixture) : IClassFixture<JourneyFixture>
{
    [Fact]
    public async Task Practitioner_LivesAnEpisode_ContactsMeasureReview_AtRisk_Reflection_ReEngagement_AndClosureSignedOff()
    {
        var scenario = await new EpisodeTestData(fixture.Factory).CreateScenarioAsync();
        var today = fixture.Factory.Today;

        // The episode opened five weeks ago, so the journey's contacts can fall on earlier dates.
        await fixture.Factory.WithDbAsync(async db =>
        {
            var episode = await db.Episodes.Include(e => e.Strands).SingleAsync(e => e.Id == scenario.Episode.Id);
            episode.StartedOn = today.AddDays(-35);
            episode.CreatedAt = fixture.Factory.UtcNow.AddDays(-35);
            foreach (var strand in episode.Strands)
            {
                strand.StartedAt = episode.CreatedAt;
            }

            return await db.SaveChangesAsync();
        });
        var personName = await fixture.Factory.WithDbAsync(db => db.People.Where(p => p.Id == scenario.PersonId).Select(p => p.Details.GivenName + " " + p.Details.FamilyName).SingleAsync());

        await using (var journey = await Journey.StartAsync(fixture))
        {
            var page = journey.Page;
            await journey.SignInAsync(scenario.EmotionalWorker.Email, scenario.EmotionalWorker.Password);
            await journey.GotoAsync("/my-cases", "My cases");
            await journey.ClickLinkAsync(personName);
            await journey.ExpectPageAsync("Episode of care");
            await Expect(page.Locator("#at-risk")).ToContainTextAsync("No attended contact in the 5 weeks since the episode opened");

            // A session that took place, then three that did not.
            await RecordContactAsync(journey, today.AddDays(-21), "Face to face", "Attended", ["Motivational interviewing"], "Talked about what he wants from the next year.");
            await Expect(page.Locator("main")).ToContainTextAsync("Motivational interviewing");
            foreach (var daysAgo in new[] { 14, 7, 2 })
            {
                await RecordContactAsync(journey, today.AddDays(-daysAgo), "Face to face", "Did not attend", [], "Did not come to the hub.");
            }

            await journey.GotoAsync($"/episodes/{scenario.Episode.Id}", "Episode of care");
            await Expect(page.Locator("#at-risk")).ToContainTextAsync("3 did-not-attends in a row");
            await Expect(page.Locator(".govuk-tag").First).ToHaveTextAsync("Active");

            // A PHQ-9 at the start: "Several days" to every item scores 9, mild.
            await journey.ClickLinkAsync("Record a measure");
            await journey.ExpectPageAsync("Which outcome measure are you recording?");
            await journey.Field("Patient Health Questionnaire (PHQ-9)").CheckAsync();
            await journey.ClickButtonAsync("Continue");
            await journey.ExpectPageAsync("Patient Health Questionnaire (PHQ-9)");
            for (var item = 0; item < 9; item++)
            {
                await page.Locator($"input[name='Input.Answers[{item}]'][value='1']").CheckAsync();
            }

            await page.GetByRole(AriaRole.Group, new() { Name = "When was it taken?" }).GetByLabel("Start", new() { Exact = true }).CheckAsync();
            await journey.FillDateAsync("Date taken", today.AddDays(-21));
            await journey.ClickButtonAsync("Record measure");
            await journey.ExpectPageAsync("Outcome measures");
            await Expect(page.Locator("main table").First).ToContainTextAsync("Mild");

            // A goal, then a review.
            await journey.GotoAsync($"/episodes/{scenario.Episode.Id}/plan/goals/new", "Add a goal");
            await journey.Field("Goal").FillAsync("Keep his hostel place and move on to a settled home");
            await journey.ClickButtonAsync("Add goal");
            await journey.ExpectPageAsync("Needs and plan");

            await journey.GotoAsync($"/episodes/{scenario.Episode.Id}/reviews/new", "Record a review");
            await journey.FillDateAsync("Date of the review", today.AddDays(-1));
            await journey.Field("Summary").FillAsync("Reviewed with the team: engagement has dropped since the hostel warning.");
            await journey.ClickButtonAsync("Save review");
            await journey.ExpectPageAsync("Reviews");

            // The team marks him disengaged and reflects; the episode stays open.
            await journey.GotoAsync($"/episodes/{scenario.Episode.Id}/engagement", "Engagement and closure");
            await journey.ClickLinkAsync("Mark disengaged");
            await journey.ExpectPageAsync("Mark the episode disengaged");
            await journey.Field("Why has the person disengaged?").FillAsync("Three missed sessions and no reply to texts.");
            await journey.ClickButtonAsync("Mark disengaged");
            await journey.ExpectPageAsync("Engagement and closure");
            await journey.ClickLinkAsync("Record a reflective review");
            await journey.ExpectPageAsync("Record a reflective review");
            await journey.Field("What does the team think is going on?").FillAsync("The hostel warning frightened him; he may expect to be let down again.");
            await journey.Field("What may have been missed?").FillAsync("We did not ask how the probation recall letter landed.");
            await journey.Field("What was tried?").FillAsync("Texts, a call, and a card left at the hostel.");
            await journey.ClickButtonAsync("Save reflective review");
            await journey.ExpectPageAsync("Engagement and closure");

            // A phone call gets through: he comes back. (Dated yesterday: a time later today would be in the future.)
            await RecordContactAsync(journey, today.AddDays(-1), "Phone", "Attended", [], "Rang from a friend's phone; wants to carry on.", reengagementAttempt: true);
            await journey.GotoAsync($"/episodes/{scenario.Episode.Id}/engagement", "Engagement and closure");
            await journey.ClickLinkAsync("Re-engage");
            await journey.ExpectPageAsync("Re-engage the person");
            await journey.Field("How did the person re-engage?").FillAsync("Called back and agreed to weekly sessions again.");
            await journey.ClickButtonAsync("Re-engage");
            await journey.ExpectPageAsync("Engagement and closure");
            await Expect(page.Locator("main")).ToContainTextAsync("Active");

            // Later, the work is done: propose closing with an outcome for the goal.
            await journey.ClickLinkAsync("Propose closure");
            await journey.ExpectPageAsync("Propose closing the episode");
            await page.GetByRole(AriaRole.Group, new() { Name = "Why is the episode closing?" }).GetByLabel("Completed", new() { Exact = true }).CheckAsync();
            await journey.Field("End-of-service summary").FillAsync("Settled in a shared house; engaging with his GP and probation. Ready to move on.");
            await page.GetByRole(AriaRole.Group, new() { Name = "Keep his hostel place and move on to a settled home" }).GetByLabel("Achieved", new() { Exact = true }).CheckAsync();
            await journey.ClickButtonAsync("Propose closure");
            await journey.ExpectPageAsync("Engagement and closure");
            await Expect(page.Locator("main")).ToContainTextAsync("Closing");

            await journey.SignOutAsync();
            await journey.AssertAccessibleAsync();
        }

        // The manager signs the closure off.
        await using (var journey = await Journey.StartAsync(fixture))
        {
            var page = journey.Page;
            await journey.SignInAsync(scenario.Manager.Email, scenario.Manager.Password);
            await journey.GotoAsync($"/episodes/{scenario.Episode.Id}/engagement/sign-off", "Sign off the closure");
            await journey.ClickButtonAsync("Sign off and close");
            await journey.ExpectPageAsync("Engagement and closure");
            await journey.GotoAsync($"/episodes/{scenario.Episode.Id}", "Episode of care");
            await Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync("Closed");
            await Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync("Settled in a shared house");
            await journey.GotoAsync($"/people/{scenario.PersonId}/timeline", "Timeline");
            await Expect(page.Locator("#timeline .moj-timeline__item[data-kind='contacts']")).ToHaveCountAsync(5);
            await Expect(page.Locator("#timeline .moj-timeline__item[data-kind='measures']")).ToHaveCountAsync(1);
            await journey.SignOutAsync();
            await journey.AssertAccessibleAsync();
        }

        var closed = await fixture.Factory.WithDbAsync(db => db.Episodes.AsNoTracking().Include(e => e.Strands).SingleAsync(e => e.Id == scenario.Episode.Id));
        closed.State.ShouldBe(EpisodeState.Closed);
        closed.CloseReason.ShouldBe(EpisodeCloseReason.Completed);
        closed.ClosureSignedOffByUserId.ShouldBe(scenario.Manager.Id);
        closed.Strands.ShouldAllBe(s => s.EndedAt != null);
        var states = await fixture.Factory.WithDbAsync(db => db.EpisodeTransitions.Where(t => t.EpisodeId == scenario.Episode.Id).OrderBy(t => t.At).Select(t => t.To).ToListAsync());
        states.ShouldBe([EpisodeState.Active, EpisodeState.Disengaged, EpisodeState.Active, EpisodeState.Closing, EpisodeState.Closed]);
        (await fixture.Factory.WithDbAsync(db => db.Goals.Where(g => g.EpisodeId == scenario.Episode.Id).Select(g => g.Outcome).SingleAsync())).ShouldBe(GoalOutcome.Achieved);
    }

    [Fact]
    public async Task Practitioner_BooksAnAppointment_ThePersonIsReminded_ItIsHeld_AndClosedAsAContact()
    {
        var scenario = await new EpisodeTestData(fixture.Factory).CreateScenarioAsync();
        var factory = fixture.Factory;
        await factory.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == scenario.PersonId);
            person.Details = person.Details with { Email = "person@example.test" };
            return await db.SaveChangesAsync();
        });
        var tomorrow = factory.Today.AddDays(1);

        await using (var journey = await Journey.StartAsync(fixture))
        {
            var page = journey.Page;
            await journey.SignInAsync(scenario.EmotionalWorker.Email, scenario.EmotionalWorker.Password);

            // The person agrees to e-mail reminders.
            await journey.GotoAsync($"/people/{scenario.PersonId}/reminders", "Appointment reminders");
            await page.GetByRole(AriaRole.Group, new() { Name = "Do they agree to be sent reminders of their appointments?" }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "How would they like to be reminded?" }).GetByLabel("Email to person@example.test", new() { Exact = true }).CheckAsync();
            await journey.ClickButtonAsync("Save");

            // A session at his home tomorrow morning.
            await journey.GotoAsync($"{scenario.Path}/appointments", "Appointments");
            await journey.ClickLinkAsync("Book an appointment");
            await journey.ExpectPageAsync("Book an appointment");
            await journey.FillDateAsync("Date of the appointment", tomorrow);
            await journey.Field("Time").FillAsync("10:30");
            await journey.Field("Length in minutes").FillAsync("50");
            await page.GetByRole(AriaRole.Group, new() { Name = "Where is the appointment?" }).GetByLabel("The person's home", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Strand of support" }).GetByLabel("Emotional support", new() { Exact = true }).CheckAsync();
            await journey.ClickButtonAsync("Book appointment");
            await Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();

            // And, outside the episode, a court appointment the day after: both are on the person's appointments.
            await journey.GotoAsync($"/people/{scenario.PersonId}", await new AppointmentTestData(factory).PersonNameAsync(scenario.PersonId));
            await NavigateAsync(journey, page.Locator("#appointments-link"));
            await journey.ExpectPageAsync("Appointments");
            await journey.ClickLinkAsync("Book an appointment outside an episode");
            await journey.ExpectPageAsync("Book an appointment outside an episode");
            await journey.FillDateAsync("Date of the appointment", tomorrow.AddDays(1));
            await journey.Field("Time").FillAsync("09:30");
            await journey.Field("Length in minutes").FillAsync("45");
            await page.GetByRole(AriaRole.Group, new() { Name = "Where is the appointment?" }).GetByLabel("Court", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Strand of support" }).GetByLabel("Emotional support", new() { Exact = true }).CheckAsync();
            await journey.ClickButtonAsync("Book appointment");
            await Expect(page.Locator(".govuk-caption-l")).ToHaveTextAsync("Outside an episode");
            await journey.ExpectPageAsync($"Appointment on {Display.DateTime(Display.FromLondon(tomorrow.AddDays(1), new TimeOnly(9, 30)))}");
            await NavigateAsync(journey, page.Locator(".govuk-back-link"));
            await journey.ExpectPageAsync("Appointments");
            await Expect(page.Locator("#upcoming tbody tr")).ToHaveCountAsync(2);
        }

        var appointment = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.EpisodeId == scenario.Episode.Id));
        var outside = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PersonId == scenario.PersonId && a.EpisodeId == null));
        (outside.Place, Display.ToLondon(outside.StartsAt)).ShouldBe((AppointmentPlace.Court, tomorrow.AddDays(1).ToDateTime(new TimeOnly(9, 30))));
        Display.ToLondon(appointment.StartsAt).ShouldBe(tomorrow.ToDateTime(new TimeOnly(10, 30)));

        // An hour on, it is within a day: the reminder is queued once, with the time and place alone.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var reminder = await EventuallyAsync(() => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.To == "person@example.test")));
        reminder.Body.ShouldContain("10:30am");
        reminder.Body.ShouldNotContain(await factory.WithDbAsync(db => db.People.Where(p => p.Id == scenario.PersonId).Select(p => p.Details.FamilyName).SingleAsync()));

        // The next day, after the session: the diary asks for it to be closed, and closing it records the contact.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await using (var journey = await Journey.StartAsync(fixture))
        {
            var page = journey.Page;
            await journey.SignInAsync(scenario.EmotionalWorker.Email, scenario.EmotionalWorker.Password);
            await journey.GotoAsync("/diary", "Your diary");
            var row = page.Locator($"tr[data-appointment='{appointment.Id}']");
            await Expect(row).ToContainTextAsync("Awaits closing");
            await NavigateAsync(journey, row.GetByRole(AriaRole.Link).First);
            await page.GetByRole(AriaRole.Group, new() { Name = "Close as a contact" }).GetByLabel("Attended", new() { Exact = true }).CheckAsync();
            await journey.ClickButtonAsync("Close as a contact");
            await journey.ExpectPageAsync("Record a contact");
            await Expect(journey.Field("Time")).ToHaveValueAsync("10:30");
            await Expect(journey.Field("Length in minutes")).ToHaveValueAsync("50");
            await journey.Field("Case note (optional)").FillAsync("Talked about the week ahead at his flat.");
            await journey.ClickButtonAsync("Record contact");
            await journey.ExpectPageAsync($"Appointment on {Display.DateTime(appointment.StartsAt)}");
            await Expect(page.Locator("main")).ToContainTextAsync("Attended");
        }

        var closed = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointment.Id));
        closed.State.ShouldBe(AppointmentState.Closed);
        closed.Outcome.ShouldBe(Attendance.Attended);
        var contact = await factory.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == closed.ContactId));
        (contact.OccurredAt, contact.Mode).ShouldBe((appointment.StartsAt, ContactMode.HomeVisit));
    }

    private static async Task NavigateAsync(Journey journey, ILocator link)
    {
        await link.ClickAsync();
        await journey.Page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> read)
        where T : class
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await read() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Not seen within 10 seconds.");
    }

    private static async Task RecordContactAsync(Journey journey, DateOnly date, string mode, string attendance, string[] interventions, string note, bool reengagementAttempt = false)
    {
        var page = journey.Page;
        var episodePath = new Uri(page.Url).AbsolutePath.Split('/')[..3];
        await journey.GotoAsync($"{string.Join('/', episodePath)}/contacts/new", "Record a contact");
        await journey.FillDateAsync("Date of the contact", date);
        await journey.Field("Time").FillAsync("10:30");
        await journey.Field("Length in minutes").FillAsync(attendance == "Attended" ? "50" : "10");
        await page.GetByRole(AriaRole.Group, new() { Name = "How did the contact take place?" }).GetByLabel(mode, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Strand of support" }).GetByLabel("Emotional support", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Did the person attend?" }).GetByLabel(attendance, new() { Exact = true }).CheckAsync();
        foreach (var intervention in interventions)
        {
            await page.GetByRole(AriaRole.Group, new() { Name = "Interventions used (optional)" }).GetByLabel(intervention, new() { Exact = true }).CheckAsync();
        }

        await journey.Field("Case note (optional)").FillAsync(note);
        if (reengagementAttempt)
        {
            await journey.Field("This was an attempt to re-engage the person").CheckAsync();
        }

        await journey.ClickButtonAsync("Record contact");
        await journey.ExpectPageAsync("Contacts");
    }
}
