using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Security;

/// <summary>
/// Every Razor page, taken from the route table so a new page is covered the day it exists, answers a verb it has no
/// handler for with 405 and an Allow header, never a server error; HEAD works wherever GET does.
/// </summary>
public sealed class HttpMethodTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private static readonly string[] UnhandledVerbs = ["TRACE", "PUT", "DELETE", "PATCH"];

    private readonly TestData _data = new(factory);

    [Fact]
    public async Task EveryPage_AnswersVerbsItDoesNotHandle_With405AndAllow()
    {
        var browser = await SignInWithEveryRoleAsync();
        var failures = new List<string>();

        foreach (var url in PageUrls())
        {
            foreach (var verb in UnhandledVerbs)
            {
                using var request = new HttpRequestMessage(new HttpMethod(verb), new Uri(url, UriKind.Relative));
                if (verb != "TRACE")
                {
                    request.Content = new StringContent("x=1", Encoding.ASCII, "application/x-www-form-urlencoded");
                }

                using var response = await browser.Client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var allow = response.Content.Headers.Allow;
                if (response.StatusCode != HttpStatusCode.MethodNotAllowed || allow.Count == 0 || allow.Contains(verb) || HasStackTrace(body))
                {
                    failures.Add($"{verb} {url}: {(int)response.StatusCode}, Allow: {string.Join(", ", allow)}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryPage_AnswersHeadAsItAnswersGet()
    {
        var browser = await SignInWithEveryRoleAsync();
        var failures = new List<string>();
        var checkedGets = 0;

        foreach (var url in PageUrls())
        {
            using var get = await browser.Client.GetAsync(new Uri(url, UriKind.Relative));
            if (get.StatusCode == HttpStatusCode.MethodNotAllowed)
            {
                continue;
            }

            checkedGets++;
            using var head = await browser.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)));
            if (head.StatusCode != get.StatusCode)
            {
                failures.Add($"HEAD {url}: {(int)head.StatusCode}, GET: {(int)get.StatusCode}");
            }
        }

        failures.ShouldBeEmpty();
        checkedGets.ShouldBeGreaterThan(30);
    }

    [Fact]
    public void EveryEndpointThatAnswersGet_AlsoAnswersHead()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: e.RoutePattern.RawText, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Methods?.Contains("GET") == true)
            .ToList();

        endpoints.Count.ShouldBeGreaterThan(2);
        endpoints.Where(e => !e.Methods!.Contains("HEAD")).Select(e => e.Route).ShouldBeEmpty();
    }

    [Fact]
    public async Task Head_OnTheOpenApiDocument_Answers200()
    {
        using var response = await factory.CreateBrowser().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/openapi/v1.json"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<Browser> SignInWithEveryRoleAsync() =>
        await Browser.SignInAsync(factory, await _data.CreateStaffAsync([.. StaffRoles.All]));

    private static bool HasStackTrace(string body) =>
        body.Contains("Exception", StringComparison.Ordinal) || body.Contains("   at ", StringComparison.Ordinal);

    /// <summary>A URL for every Razor page in the route table, with made-up values for its route parameters.</summary>
    private List<string> PageUrls()
    {
        var urls = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => UrlFor(e.RoutePattern))
            .Distinct()
            .ToList();
        urls.Count.ShouldBeGreaterThan(40);
        return urls;
    }

    private static string UrlFor(RoutePattern pattern)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                text.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart { IsOptional: true } => "",
                    RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "int") => "404",
                    RoutePatternParameterPart => Guid.NewGuid().ToString(),
                    _ => throw new InvalidOperationException($"Unexpected route part in {pattern.RawText}"),
                });
            }

            if (text.Length > 0)
            {
                segments.Add(text.ToString());
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"/{string.Join('/', segments)}");
    }
}
