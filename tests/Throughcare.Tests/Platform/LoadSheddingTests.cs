using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Platform;

/// <summary>
/// A node serving all it can at once sheds what is beyond its limit and queue with 429 and Retry-After, at once, rather
/// than letting requests pile up into timeouts; health checks still answer, and it serves again as soon as work ends.
/// </summary>
public sealed class LoadSheddingTests(LoadSheddingTests.OneAtATimeFactory factory) : IClassFixture<LoadSheddingTests.OneAtATimeFactory>
{
    private const string HoldHeader = "X-Test-Hold";

    [Fact]
    public async Task Requests_BeyondTheLimitAndItsQueue_Answer429WithRetryAfterAndABusyPage_AndTheNodeRecovers()
    {
        using var client = factory.CreateBrowser();
        using var held = new HttpRequestMessage(HttpMethod.Get, new Uri("/sign-in", UriKind.Relative));
        held.Headers.Add(HoldHeader, "1");
        var first = client.SendAsync(held);
        await factory.Hold.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        using (var refused = await client.GetAsync(new Uri("/sign-in", UriKind.Relative)))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            refused.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(5));
            var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
            page.QuerySelector("h1")?.TextContent.Trim().ShouldBe("Sorry, Throughcare is busy");
        }

        using (var api = await client.GetAsync(new Uri("/api/v1/referrals/" + Guid.NewGuid(), UriKind.Relative)))
        {
            api.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            api.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        }

        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        factory.Hold.Release.SetResult();
        (await first).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/sign-in", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Holds the request that carries the header inside the limiter until the test releases it.</summary>
    public sealed class HoldFilter : IAsyncResourceFilter
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
        {
            if (context.HttpContext.Request.Headers.ContainsKey(HoldHeader))
            {
                Entered.TrySetResult();
                await Release.Task;
            }

            await next();
        }
    }

    /// <summary>A node that serves one request at once and queues none.</summary>
    public sealed class OneAtATimeFactory : ThroughcareFactory
    {
        public HoldFilter Hold { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Throughcare:RateLimits:ConcurrentRequests"] = "1",
            ["Throughcare:RateLimits:QueuedRequests"] = "0",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.Configure<MvcOptions>(o => o.Filters.Add(Hold)));
        }
    }
}
