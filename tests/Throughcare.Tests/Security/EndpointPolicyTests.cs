using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Security;

/// <summary>Every endpoint has a named policy or is on the short anonymous allow-list; a new endpoint without either fails here.</summary>
public sealed class EndpointPolicyTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private static readonly string[] AnonymousAllowList =
        ["sign-in", "sign-in/two-factor", "error/{code:int}", "accessibility", "health/live", "health/ready", "openapi/{documentName}.json", "calendar/{token}.ics"];

    [Fact]
    public void EveryEndpoint_HasANamedPolicyOrIsOnTheAnonymousAllowList()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.Count.ShouldBeGreaterThan(20);

        var anonymous = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                anonymous.Add(route);
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => !string.IsNullOrEmpty(p)).ToList();
            policies.ShouldNotBeEmpty($"{route} has no named authorization policy");
        }

        anonymous.Distinct().Order().ShouldBe(AnonymousAllowList.Order());
    }
}

/// <summary>Razor Pages keeps the page's own path in the route value "page": a handler parameter of that name binds it and fails.</summary>
public sealed class HandlerParameterTests
{
    [Fact]
    public void NoPageHandler_BindsAParameterNamedPageFromTheRoute()
    {
        var offenders = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel)))
            .SelectMany(t => t.GetMethods().Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal) || m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .SelectMany(m => m.GetParameters().Where(p => p.Name == "page"
                    && !p.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.FromQueryAttribute), false).Any())
                .Select(p => $"{t.Name}.{m.Name}({p.Name})")))
            .ToList();

        offenders.ShouldBeEmpty();
    }
}
