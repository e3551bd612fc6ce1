using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure.Web;
using static Throughcare.Tests.Pages.Episodes.ReviewTestData;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/extend: a manager runs the episode beyond its planned end, with a reason.</summary>
public sealed class ExtendPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Post_ByManager_MovesThePlannedEndWithAnExtensionAndAudit()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var newEnd = scenario.Episode.PlannedEndOn.AddMonths(3);

        var saved = await browser.PostFormAsync(scenario.Path + "/extend", ExtendForm(await factory.EpisodeVersionAsync(scenario), newEnd, "Housing move in progress"));

        saved.Status.ShouldBe(HttpStatusCode.Redirect);
        saved.Location.ShouldBe(scenario.Path + "/reviews");
        (await browser.GetAsync(saved.Location!)).Banner().ShouldBe("Planned end extended");
        (await factory.LoadEpisodeAsync(scenario)).PlannedEndOn.ShouldBe(newEnd);
        var extension = await factory.WithDbAsync(db => db.EpisodeExtensions.SingleAsync(x => x.EpisodeId == scenario.Episode.Id));
        extension.FromDate.ShouldBe(scenario.Episode.PlannedEndOn);
        extension.ToDate.ShouldBe(newEnd);
        extension.Reason.ShouldBe("Housing move in progress");
        extension.ByUserId.ShouldBe(scenario.Manager.Id);
        var row = (await factory.EpisodeEventsAsync<PlannedEndExtended>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.Episode, scenario.Episode.Id, AuditActions.Update, scenario, scenario.Manager);
        var extended = row.Event<PlannedEndExtended>();
        (extended.From, extended.To, extended.Reason).ShouldBe((scenario.Episode.PlannedEndOn, newEnd, "Housing move in progress"));
        extended.Describe(AuditLabels.None).Changes.ShouldBe([new FieldChange("Planned end", Display.Date(scenario.Episode.PlannedEndOn), Display.Date(newEnd))]);
    }

    [Fact]
    public async Task Post_ReasonRequired_AndDateMustBeLater()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var version = await factory.EpisodeVersionAsync(scenario);

        var noReason = await browser.PostFormAsync(scenario.Path + "/extend", ExtendForm(version, scenario.Episode.PlannedEndOn.AddMonths(1), ""));
        noReason.Status.ShouldBe(HttpStatusCode.BadRequest);
        noReason.Document.AssertHasError("Input_Reason", "Enter the reason for extending the episode");
        var earlier = await browser.PostFormAsync(scenario.Path + "/extend", ExtendForm(version, scenario.Episode.PlannedEndOn, "reason"));
        earlier.Status.ShouldBe(HttpStatusCode.BadRequest);
        earlier.Document.AssertHasError("Input_NewPlannedEnd", "New planned end must be after the current planned end");

        (await factory.WithDbAsync(db => db.EpisodeExtensions.CountAsync(x => x.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
        (await factory.EpisodeEventsAsync<PlannedEndExtended>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsThePlannedEndSavedNowBesideTheUsers_AndKeepsTheirReason()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var newEnd = scenario.Episode.PlannedEndOn.AddMonths(1);

        var stale = await browser.PostFormAsync(scenario.Path + "/extend", ExtendForm(Guid.NewGuid(), newEnd, "Waiting for a flat"));

        stale.Status.ShouldBe(HttpStatusCode.Conflict);
        stale.Document.QuerySelector("[data-conflict]").ShouldNotBeNull();
        var row = stale.Document.QuerySelectorAll("#conflict tbody tr").ShouldHaveSingleItem();
        (row.QuerySelector("th").Text(), row.QuerySelector("[data-saved]").Text(), row.QuerySelector("[data-yours]").Text())
            .ShouldBe(("Planned end", Display.Date(scenario.Episode.PlannedEndOn), Display.Date(newEnd)));
        stale.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Reason']")!.Value.ShouldBe("Waiting for a flat");
        stale.Document.QuerySelector<IHtmlInputElement>("input[name=Version]")!.Value.ShouldBe((await factory.EpisodeVersionAsync(scenario)).ToString());
        (await factory.WithDbAsync(db => db.EpisodeExtensions.CountAsync(x => x.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Practitioner_GetsNotFound_ForThePageAndThePost()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        (await browser.GetAsync(scenario.Path + "/extend")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await browser.PostFormAsync(scenario.Path + "/extend", ExtendForm(await factory.EpisodeVersionAsync(scenario), scenario.Episode.PlannedEndOn.AddMonths(1), "reason"), formPage: scenario.Path + "/reviews/new"))
            .Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.WithDbAsync(db => db.EpisodeExtensions.CountAsync(x => x.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Dpo_ReferrerAndOutsider_GetNotFound()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);

        await factory.ShouldFindNothingAsync(scenario, [scenario.Dpo, scenario.Referrer, scenario.Outsider], "/extend");
    }
}
