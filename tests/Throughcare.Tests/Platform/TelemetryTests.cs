using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Platform;

/// <summary>A host that exports its traces to an OTLP endpoint, flushing every fifth of a second.</summary>
public sealed class TelemetryFactory(string endpoint) : ThroughcareFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Throughcare:Telemetry:OtlpEndpoint"] = endpoint,
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
    };
}

/// <summary>Traces and metrics go out over OTLP when an endpoint is configured, and nothing is collected otherwise.</summary>
public sealed class TelemetryTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public void Telemetry_IsOffUnlessAnEndpointIsConfigured() =>
        factory.Services.GetService<TracerProvider>().ShouldBeNull();

    [Fact]
    public async Task Requests_AreTracedToTheConfiguredOtlpEndpoint()
    {
        var port = FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        await using var traced = new TelemetryFactory($"http://127.0.0.1:{port}");
        var received = ReceiveAsync(collector, "/v1/traces");

        using var client = traced.CreateBrowser();
        (await client.GetAsync(new Uri("/sign-in", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var export = await received.WaitAsync(TimeSpan.FromSeconds(30));
        export.ContentType.ShouldBe("application/x-protobuf");
        export.Length.ShouldBeGreaterThan(0);
    }

    private static async Task<(string? ContentType, long Length)> ReceiveAsync(HttpListener collector, string path)
    {
        while (true)
        {
            var context = await collector.GetContextAsync();
            var request = context.Request;
            using var body = new MemoryStream();
            await request.InputStream.CopyToAsync(body);
            context.Response.StatusCode = 200;
            context.Response.Close();
            if (request.HttpMethod == "POST" && request.Url?.AbsolutePath == path)
            {
                return (request.ContentType, body.Length);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The API reference is served to partner developers without signing in, under the site's own Content-Security-Policy.</summary>
public sealed class ApiReferenceTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task ApiReference_IsServedAnonymously_WithNoInlineScript_AndReadsTheOpenApiDocument()
    {
        using var client = factory.CreateBrowser();

        using var page = await client.GetAsync(new Uri("/api/reference/index.html", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        document.QuerySelectorAll("script").ShouldNotBeEmpty();
        document.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src") && string.IsNullOrWhiteSpace(s.TextContent));

        using var script = await client.GetAsync(new Uri("/api/reference/index.js", UriKind.Relative));
        (await script.Content.ReadAsStringAsync()).ShouldContain("/openapi/v1.json");
        using var openApi = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        (await openApi.Content.ReadAsStringAsync()).ShouldContain("\"title\": \"Throughcare API\"");
    }
}
