using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Throughcare.Core.Infrastructure.Storage;

namespace Throughcare.Web.Pages.Referrals;

/// <summary>The largest document a referral may carry: <c>Throughcare:Uploads:MaxBytes</c>, 10 MB unless configured.</summary>
public sealed record UploadLimits(long MaxBytes)
{
    /// <summary>Room for the form's other fields and the multipart framing, so a file just over the limit gets a GOV.UK message.</summary>
    public long MaxRequestBytes => MaxBytes + (1024 * 1024);

    public string MaxSizeText => MaxBytes % (1024 * 1024) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{MaxBytes / (1024 * 1024)} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, MaxBytes / 1024)} KB");

    public static UploadLimits From(IConfiguration configuration) =>
        new(configuration.GetValue<long?>("Throughcare:Uploads:MaxBytes") ?? 10 * 1024 * 1024);

    /// <summary>The name kept for an upload: see <see cref="DocumentNames.Clean"/>, the rule the API uses too.</summary>
    public static string SafeFileName(string? fileName) => DocumentNames.Clean(fileName);
}

/// <summary>
/// Caps the request body of an upload page before anything reads it (the anti-forgery check reads the form), so a far
/// larger body is refused with 413 rather than buffered. Runs just before the anti-forgery filter, as [RequestSizeLimit] does.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadSizeLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var limit = UploadLimits.From(http.RequestServices.GetRequiredService<IConfiguration>()).MaxRequestBytes;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
    }
}
