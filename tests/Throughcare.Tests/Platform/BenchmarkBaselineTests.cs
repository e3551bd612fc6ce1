using System.Net;
using AngleSharp.Html.Parser;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Tests.Platform;

/// <summary>A host with the load harness's baseline page turned on, as bench/run starts it.</summary>
public sealed class BenchmarkBaselineFactory : ThroughcareFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [BenchmarkBaseline.Setting] = "true" };
}

/// <summary>The baseline page exists only when its setting turns it on; off, as everywhere but the harness, there is no such path.</summary>
public sealed class BenchmarkBaselineTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Get_WithTheSettingOff_IsNotFound_EvenSignedIn()
    {
        var data = new TestData(factory);
        var user = await data.CreateStaffAsync(StaffRoles.Administrator);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync($"/bench/baseline/{user.OrganisationId}");

        page.Status.ShouldBe(HttpStatusCode.NotFound);

        // Anonymous, like any path that is not on the short anonymous list, it only sends the visitor to sign in.
        var anonymous = await Browser.Anonymous(factory).GetAsync($"/bench/baseline/{user.OrganisationId}");
        anonymous.Status.ShouldBe(HttpStatusCode.Found);
        anonymous.Location.ShouldNotBeNull().ShouldStartWith("/sign-in");
    }

    [Fact]
    public async Task Get_WithTheSettingOn_ShowsTheOrganisationsName_WithoutSigningIn()
    {
        await using var on = new BenchmarkBaselineFactory();
        var organisation = await new TestData(on).CreateOrganisationAsync(name: TestData.Unique("Baseline <&> Trust"));
        using var client = on.CreateBrowser();

        using var response = await client.GetAsync(new Uri($"/bench/baseline/{organisation.Id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("p")?.TextContent.ShouldBe(organisation.Name);
        (await client.GetAsync(new Uri($"/bench/baseline/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
