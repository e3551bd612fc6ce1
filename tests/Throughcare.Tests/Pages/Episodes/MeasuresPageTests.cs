using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.Episodes.MeasureTestData;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/measures: each instrument's results and the change from the first to the latest.</summary>
public sealed class MeasuresPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private DateOnly Today => factory.Today;

    [Fact]
    public async Task Get_NoMeasures_ShowsTheEmptyStateAndALinkToRecord()
    {
        var scenario = await MeasureTestData.ScenarioAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync($"{scenario.Path}/measures");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#no-measures").ShouldNotBeNull();
        page.Document.QuerySelector($"a[href='{scenario.Path}/measures/new']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Get_TwoResults_ShowsTheChangeFromFirstToLatestInWords()
    {
        var scenario = await MeasureTestData.ScenarioAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.Colleague);
        await browser.PostFormAsync(NewUrl(scenario), Phq9Form([2, 2, 2, 2, 2, 2, 2, 1, 1], Today.AddDays(-20)));
        await browser.PostFormAsync(NewUrl(scenario), Phq9Form([1, 1, 1, 1, 1, 1, 2, 1, 1], Today.AddDays(-2), "Review"));

        var page = await browser.GetAsync($"{scenario.Path}/measures");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var section = page.Document.QuerySelector("#measure-PHQ-9").ShouldNotBeNull();
        section.QuerySelector(".app-measure-change").Text().ShouldContain("improved by 6 (reliable change)");
        section.QuerySelectorAll("tbody tr").Select(r => r.Children[2].Text()).ShouldBe(["16", "10"]);
        section.QuerySelectorAll("tbody tr").Select(r => r.Children[3].Text()).ShouldBe(["Moderately severe", "Moderate"]);
        section.QuerySelectorAll("tbody tr").Select(r => r.Children[1].Text()).ShouldBe(["Start", "Review"]);
    }

    [Fact]
    public async Task Get_ScoreGettingWorse_SaysWorsened()
    {
        var scenario = await MeasureTestData.ScenarioAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.Colleague);
        await browser.PostFormAsync(NewUrl(scenario), Phq9Form([0, 0, 0, 0, 0, 0, 0, 0, 1], Today.AddDays(-20)));
        await browser.PostFormAsync(NewUrl(scenario), Phq9Form([1, 1, 1, 1, 0, 0, 0, 0, 0], Today.AddDays(-2), "Review"));

        var page = await browser.GetAsync($"{scenario.Path}/measures");

        page.Document.QuerySelector("#measure-PHQ-9 .app-measure-change").Text().ShouldContain("worsened by 3");
    }

    [Fact]
    public async Task Dpo_SeesTheMeasuresWithoutTheButtonToRecord()
    {
        var scenario = await MeasureTestData.ScenarioAsync(factory);
        var dpo = await Browser.SignInAsync(factory, scenario.Dpo);

        var page = await dpo.GetAsync($"{scenario.Path}/measures");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector($"a[href='{scenario.Path}/measures/new']").ShouldBeNull();
    }

    [Fact]
    public async Task ReferrerAndOutsider_GetNotFound()
    {
        var scenario = await MeasureTestData.ScenarioAsync(factory);

        await factory.ShouldFindNothingAsync(scenario, [scenario.Referrer, scenario.Outsider], "/measures");
    }

    [Fact]
    public async Task Get_ABannerAskedForInTheQueryString_IsNotShown()
    {
        var scenario = await MeasureTestData.ScenarioAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.GetAsync($"{scenario.Path}/measures?saved=measure");

        page.Banner().ShouldBeNull();
        page.Html.ShouldNotContain("Measure recorded");
    }
}
