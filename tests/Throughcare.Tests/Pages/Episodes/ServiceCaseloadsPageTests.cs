using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure.Web;
using static Throughcare.Tests.Pages.Episodes.CaseloadTestData;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/services/{id}/caseloads as the episodes' caseload rows show it: each worker against capacity, and the at-risk filter.</summary>
public sealed class ServiceCaseloadsPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task TeamView_ShowsEachWorkersCaseloadAgainstCapacity_AndFiltersToAtRisk()
    {
        var scenario = await WorryingEpisodeAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        var page = await browser.GetAsync($"/services/{scenario.Service.Id}/caseloads");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var worker = page.Document.QuerySelectorAll("#workers tbody tr").Single(r => r.TextContent.Contains(scenario.EmotionalWorker.DisplayName, StringComparison.Ordinal));
        var cells = worker.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        cells[2].ShouldBe($"1 of {scenario.Service.CaseloadCapacity}");
        cells[3].ShouldBe("1");
        cells[5].ShouldBe("1");
        var colleague = page.Document.QuerySelectorAll("#workers tbody tr").Single(r => r.TextContent.Contains(scenario.Colleague.DisplayName, StringComparison.Ordinal));
        colleague.QuerySelectorAll("td")[2].TextContent.Trim().ShouldBe($"0 of {scenario.Service.CaseloadCapacity}");
        page.Document.QuerySelector($"#caseload tr[data-episode='{scenario.Episode.Id}']").ShouldNotBeNull();

        var atRisk = await browser.GetAsync($"/services/{scenario.Service.Id}/caseloads?show=at-risk");
        atRisk.Document.QuerySelectorAll("#caseload tbody tr").Length.ShouldBe(1);
    }

    [Fact]
    public async Task TeamView_IsForTheServicesManagersOnly()
    {
        var scenario = await WorryingEpisodeAsync(factory);

        (await (await Browser.SignInAsync(factory, scenario.EmotionalWorker)).GetAsync($"/services/{scenario.Service.Id}/caseloads")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await (await Browser.SignInAsync(factory, scenario.Outsider)).GetAsync($"/services/{scenario.Service.Id}/caseloads")).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
