using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Journeys;

/// <summary>The application on a real loopback port (Kestrel rather than the in-memory test server), so Chromium can reach it.</summary>
public sealed class KestrelThroughcareFactory : ThroughcareFactory
{
    public KestrelThroughcareFactory() => UseKestrel(k => k.Listen(IPAddress.Loopback, 0));

    // The cookies are Secure and __Host- prefixed. Chromium treats http://localhost as a secure context and keeps them;
    // this setting (also used by the Demo environment) tells the app that loopback requests count as HTTPS.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Throughcare:LoopbackIsSecure"] = "true",
    };
}

/// <summary>One running application and one Chromium for a test class; each test opens its own browser context.</summary>
public sealed class JourneyFixture : IAsyncLifetime
{
    // Playwright's own browser download is not available here: Debian's Chromium is (see shared STACK.md).
    private const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public KestrelThroughcareFactory Factory { get; } = new();

    public TestData Data => new(Factory);

    /// <summary>The host name must be <c>localhost</c>: Chromium counts it, unlike 127.0.0.1, as a secure context.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        Factory.StartServer();
        var address = Factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new UriBuilder(address) { Host = "localhost" }.Uri;

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("THROUGHCARE_CHROMIUM") ?? ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
