using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Security;

/// <summary>One verb of one routed endpoint: a page's GET, a page's POST handler (<c>?handler=X</c>), or an API verb.</summary>
public sealed record MatrixEndpoint(RoutePattern Route, string Verb, string? Handler, bool IsPage, bool IsAnonymous)
{
    public string Pattern => "/" + (Route.RawText ?? "").TrimStart('/');

    public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>A verb that writes (a form's POST, an API's PATCH): sent only by those who must be refused, and checked to change nothing.</summary>
    public bool IsWrite => Verb is "POST" or "PATCH" or "PUT" or "DELETE";

    public override string ToString() => $"{Verb} {Pattern}{(Handler is null ? "" : "?handler=" + Handler)}";
}

/// <summary>
/// What a request sends beyond its route: a query, a form's fields, or a body of its own (a search, a merge, an API call).
/// A search posted and redirected to its results (<c>IsRead</c> with <c>FollowsRedirect</c>) is judged by the results
/// page the redirect leads to, requested by the same identity.
/// </summary>
public sealed record MatrixRequestBody(IReadOnlyDictionary<string, string>? Form = null, string? Query = null, Func<HttpContent>? Content = null, bool NamesCareRecords = false, bool IsRead = false, bool FollowsRedirect = false);

/// <summary>One endpoint with one value for each of its route parameters, as the matrix requests it.</summary>
public sealed record MatrixCell(MatrixEndpoint Endpoint, IReadOnlyList<RouteFill> Fills, string Path)
{
    public MatrixRequestBody Body { get; init; } = new();

    /// <summary>A child record under a parent that does not own it (a contact of episode A under episode B).</summary>
    public bool Mismatched => Fills.Any(f => f.ParentKey is { } parent && Fills.Any(p => p.Key == parent && p.Value != f.ParentValue));

    public bool Names(RouteValueKind kind) => Fills.Any(f => f.Kind == kind);

    public bool Names(string key, string value) => Fills.Any(f => f.Key == key && f.Value == value);

    public bool Names(string key) => Fills.Any(f => f.Key == key);

    /// <summary>The route or the body names a record of someone's care.</summary>
    public bool TouchesCare => Names(RouteValueKind.CareRecord) || Body.NamesCareRecords;

    /// <summary>The people whose records the route names.</summary>
    public IReadOnlySet<Guid> People => Fills.Where(f => f.PersonId is not null).Select(f => f.PersonId!.Value).ToHashSet();

    public string Url => Path + (Endpoint.Handler is null ? "" : "?handler=" + Endpoint.Handler) + (Body.Query is null ? "" : (Endpoint.Handler is null ? "?" : "&") + Body.Query);

    public override string ToString() =>
        $"{Endpoint.Verb} {Url}{(Fills.Count == 0 ? "" : " (" + string.Join(", ", Fills.Select(f => f.Label)) + ")")}";
}

/// <summary>The endpoints of the route table, each verb it handles, and a cell for every way the scenario can fill its route.</summary>
public static class AccessMatrixRoutes
{
    public static async Task<IReadOnlyList<MatrixEndpoint>> EndpointsAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var found = new List<MatrixEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var handlers = compiled.HandlerMethods.Select(h => (Verb: h.HttpMethod.ToUpperInvariant(), h.Name)).Distinct().ToList();
                if (handlers.Count == 0)
                {
                    // A page without a page model answers GET alone.
                    handlers.Add(("GET", null));
                }

                found.AddRange(handlers.Where(h => h.Verb is "GET" or "POST").Select(h => new MatrixEndpoint(endpoint.RoutePattern, h.Verb, h.Name, true, anonymous)));
            }
            else
            {
                var verbs = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                found.AddRange(verbs.Where(v => v is not "HEAD" and not "OPTIONS").Select(v => new MatrixEndpoint(endpoint.RoutePattern, v, null, false, anonymous)));
            }
        }

        return found.DistinctBy(e => e.ToString()).OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Verb).ThenBy(e => e.Handler).ToList();
    }

    /// <summary>
    /// A cell for every combination of the scenario's values for the endpoint's route parameters, each child under its own
    /// parent and under the parents of the other children of its kind (a parent with no child of that kind adds nothing a
    /// sibling does not). A parameter the scenario has no value for is returned as missing, never skipped.
    /// </summary>
    public static IReadOnlyList<MatrixCell> Cells(MatrixEndpoint endpoint, IReadOnlyDictionary<string, IReadOnlyList<RouteFill>> fills, ICollection<string> missing)
    {
        IEnumerable<IReadOnlyList<RouteFill>> combinations = [[]];
        foreach (var parameter in endpoint.Route.Parameters)
        {
            if (!fills.TryGetValue(parameter.Name, out var values) || values.Count == 0)
            {
                missing.Add($"{endpoint.Pattern}: no value for {{{parameter.Name}}}");
                return [];
            }

            combinations = combinations.SelectMany(c => values.Select(v => (IReadOnlyList<RouteFill>)[.. c, v])).ToList();
        }

        return combinations
            .Where(c => c.All(child => child.ParentKey is null || c.All(parent => parent.Key != child.ParentKey || fills[child.Key].Any(f => f.ParentValue == parent.Value))))
            .Select(c => new MatrixCell(endpoint, c, PathFor(endpoint.Route, c)))
            .ToList();
    }

    private static string PathFor(RoutePattern pattern, IReadOnlyList<RouteFill> fills)
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
                    RoutePatternParameterPart parameter => fills.Single(f => f.Key == parameter.Name).Value,
                    _ => throw new InvalidOperationException($"Unexpected route part in {pattern.RawText}"),
                });
            }

            segments.Add(text.ToString());
        }

        return "/" + string.Join('/', segments);
    }
}
