using System.Net;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Security;

/// <summary>Only the configured host names are served, so no response (a redirect least of all) is built from a forged Host header.</summary>
public sealed class HostFilteringTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Theory]
    [InlineData("https://evil.example/people")]
    [InlineData("https://evil.example/sign-in")]
    [InlineData("https://localhost.evil.example/people")]
    public async Task Request_ForAForeignHost_Is400WithoutARedirect(string url)
    {
        var response = await factory.CreateBrowser().GetAsync(new Uri(url));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("evil.example");
    }

    [Fact]
    public async Task Request_ForLocalhost_IsServed_AndRedirectsWithinTheSite()
    {
        var response = await factory.CreateBrowser().GetAsync(new Uri("https://localhost:5080/people"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/sign-in?returnUrl=%2Fpeople");
    }
}

/// <summary>A host configured for its production name answers that name and nothing else, localhost included.</summary>
public sealed class ConfiguredHostFactory : ThroughcareFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["AllowedHosts"] = "throughcare.example.nhs.uk" };
}

public sealed class ConfiguredHostFilteringTests(ConfiguredHostFactory factory) : IClassFixture<ConfiguredHostFactory>
{
    [Fact]
    public async Task OnlyTheConfiguredHost_IsServed()
    {
        var client = factory.CreateBrowser();

        (await client.GetAsync(new Uri("https://throughcare.example.nhs.uk/health/live"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("https://localhost/health/live"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync(new Uri("https://evil.example/health/live"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
