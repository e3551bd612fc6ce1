using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Throughcare.Web.Infrastructure.Web;

/// <summary>
/// A page answers only the verbs it has handlers for (a page without handlers, GET): any other verb gets 405 with an
/// Allow header before anything reads the request, instead of rendering a page whose handler never ran. HEAD is
/// answered as GET, so it binds and selects exactly what GET would (the server sends no body).
/// </summary>
public sealed class PageMethodFilter : IAuthorizationFilter, IOrderedFilter
{
    // Before every other authorization filter, the anti-forgery check and the upload limit among them.
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.ActionDescriptor is not CompiledPageActionDescriptor page)
        {
            return;
        }

        var http = context.HttpContext;
        var allowed = AllowedMethods(page);
        if (HttpMethods.IsHead(http.Request.Method) && allowed.Contains(HttpMethods.Get))
        {
            http.Request.Method = HttpMethods.Get;
            return;
        }

        if (allowed.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        // The error page shows why any request failed, whatever that request's verb.
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            http.Request.Method = HttpMethods.Get;
            return;
        }

        http.Response.Headers.Allow = string.Join(", ", allowed);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    public static IReadOnlyList<string> AllowedMethods(CompiledPageActionDescriptor page)
    {
        var methods = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().ToList();
        if (methods.Count == 0)
        {
            methods.Add(HttpMethods.Get);
        }

        if (methods.Contains(HttpMethods.Get))
        {
            methods.Add(HttpMethods.Head);
        }

        return [.. methods.Order(StringComparer.Ordinal)];
    }
}

public static class HttpMethodConventions
{
    /// <summary>An endpoint that answers GET answers HEAD too, as HTTP expects of it.</summary>
    public static TBuilder AnswerHeadWhereGet<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get)
                && !methods.HttpMethods.Contains(HttpMethods.Head))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return builder;
    }
}
