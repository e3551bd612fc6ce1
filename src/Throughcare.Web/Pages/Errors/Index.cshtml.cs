using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Throughcare.Web.Pages.Errors;

[IgnoreAntiforgeryToken]
public sealed class IndexModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Reference => HttpContext.TraceIdentifier;

    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    // Read from the route, not bound: a re-executed POST whose form could not be read binds nothing at all.
    private PageResult Show()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var parsed) ? parsed : 500;
        Code = code is >= 400 and <= 599 ? code : 500;
        Heading = Code switch
        {
            400 => "There is a problem with your request",
            403 => "You do not have permission to view this page",
            404 => "Page not found",
            413 => "What you sent was too large",
            429 => "Too many attempts",
            503 => "Sorry, the service is unavailable",
            _ => "Sorry, there is a problem with the service",
        };
        return new PageResult { StatusCode = Code };
    }
}
