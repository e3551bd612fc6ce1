using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure.Web;
using static Throughcare.Tests.Pages.Episodes.PlanTestData;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/plan/actions/{actionId}: an action's status and due date.</summary>
public sealed class ActionPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private static Dictionary<string, string> UpdateForm(Guid version, string status, DateOnly? due = null) => new()
    {
        ["Version"] = version.ToString(),
        ["Input.Status"] = status,
        ["Input.DueOn.Day"] = due?.Day.ToString(CultureInfo.InvariantCulture) ?? "",
        ["Input.DueOn.Month"] = due?.Month.ToString(CultureInfo.InvariantCulture) ?? "",
        ["Input.DueOn.Year"] = due?.Year.ToString(CultureInfo.InvariantCulture) ?? "",
    };

    [Fact]
    public async Task Post_Done_RecordsWhenItWasCompleted_AndAuditsTheChange()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);
        var action = await SeedActionAsync(factory, scenario);
        var past = factory.Today.AddDays(-10);

        var update = await browser.PostFormAsync($"{scenario.Path}/plan/actions/{action.Id}", UpdateForm(action.Version, "Done", past));

        update.Status.ShouldBe(HttpStatusCode.Redirect);
        update.Location.ShouldBe(scenario.Path + "/plan");
        var plan = await browser.GetAsync(update.Location!);
        plan.Banner().ShouldBe("Action updated");
        plan.Document.QuerySelector($"tr[data-action='{action.Id}']").Text().ShouldNotContain("Overdue");
        var saved = await factory.WithDbAsync(db => db.GoalActions.SingleAsync(a => a.Id == action.Id));
        (saved.Status, saved.DueOn).ShouldBe((ActionStatus.Done, (DateOnly?)past));
        saved.CompletedAt.ShouldNotBeNull();
        var row = (await factory.EpisodeEventsAsync<ActionUpdated>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.GoalAction, action.Id, AuditActions.Update, scenario, scenario.PracticalWorker);
        var updated = row.Event<ActionUpdated>();
        (updated.FromStatus, updated.ToStatus, updated.FromDueOn, updated.ToDueOn).ShouldBe((ActionStatus.NotStarted, ActionStatus.Done, (DateOnly?)null, (DateOnly?)past));
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsWhatIsSavedBesideTheUsersChoice_AndNothingChanges()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);
        var action = await SeedActionAsync(factory, scenario);
        var url = $"{scenario.Path}/plan/actions/{action.Id}";
        (await browser.PostFormAsync(url, UpdateForm(action.Version, "InProgress"))).Status.ShouldBe(HttpStatusCode.Redirect);

        var stale = await browser.PostFormAsync(url, UpdateForm(action.Version, "NoLongerNeeded"));

        stale.Status.ShouldBe(HttpStatusCode.Conflict);
        stale.Document.QuerySelector("[data-conflict]").ShouldNotBeNull();
        var status = stale.Document.QuerySelectorAll("#conflict tbody tr").Single(r => r.QuerySelector("th").Text() == "Status");
        (status.QuerySelector("[data-saved]").Text(), status.QuerySelector("[data-yours]").Text()).ShouldBe(("In progress", "No longer needed"));
        stale.Document.QuerySelector("input[name='Input.Status'][value='NoLongerNeeded']")!.HasAttribute("checked").ShouldBeTrue();
        (await factory.WithDbAsync(db => db.GoalActions.SingleAsync(a => a.Id == action.Id))).Status.ShouldBe(ActionStatus.InProgress);
        (await factory.EpisodeEventsAsync<ActionUpdated>(scenario)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Post_BadInput_ShowsErrorsAndChangesNothing()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);
        var action = await SeedActionAsync(factory, scenario);
        var form = UpdateForm(action.Version, "");
        form["Input.DueOn.Month"] = "13";
        form["Input.DueOn.Day"] = "1";
        form["Input.DueOn.Year"] = "2026";

        var page = await browser.PostFormAsync($"{scenario.Path}/plan/actions/{action.Id}", form);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Status", "Select the status");
        page.Document.AssertHasError("Input_DueOn", "Due date must be a real date");
        (await factory.WithDbAsync(db => db.GoalActions.SingleAsync(a => a.Id == action.Id))).Version.ShouldBe(action.Version);
    }

    [Fact]
    public async Task Get_ShowsTheActionWithItsGoal_AndOverdueWhenPastDue()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var action = await SeedActionAsync(factory, scenario);
        await factory.WithDbAsync(db => db.GoalActions.Where(a => a.Id == action.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, factory.Today.AddDays(-1))));
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);

        var page = await browser.GetAsync($"{scenario.Path}/plan/actions/{action.Id}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.ShouldContain("Goal: Open a bank account");
        page.Document.GetSummaryListValue("Due")!.ShouldStartWith(Display.Date(factory.Today.AddDays(-1)));
        page.Document.GetSummaryListValue("Due")!.ShouldContain("Overdue");
    }

    [Fact]
    public async Task Dpo_ReferrerAndOutsider_GetNotFound()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var action = await SeedActionAsync(factory, scenario);

        await factory.ShouldFindNothingAsync(scenario, [scenario.Dpo, scenario.Referrer, scenario.Outsider], $"/plan/actions/{action.Id}");
    }
}
