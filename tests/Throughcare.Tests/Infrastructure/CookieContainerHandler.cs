using System.Net;

namespace Throughcare.Tests.Infrastructure;

/// <summary>Keeps cookies in a container the test can read, to replay a stolen cookie later.</summary>
public sealed class CookieContainerHandler(CookieContainer container) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var header = container.GetCookieHeader(request.RequestUri!);
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                container.SetCookies(request.RequestUri!, cookie);
            }
        }

        return response;
    }
}
