using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Account;

/// <summary>The member of staff's calendar feed address: made (and shown once), or revoked.</summary>
public sealed class CalendarModel(CalendarFeeds feeds) : PageModel
{
    public DateTime? ActiveSince { get; private set; }

    /// <summary>The address just made: shown on this response alone, never stored or shown again.</summary>
    public string? NewAddress { get; private set; }

    public async Task OnGetAsync() => ActiveSince = await feeds.ActiveSinceAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var token = await feeds.CreateAsync(HttpContext.RequestAborted);
        NewAddress = $"{Request.Scheme}://{Request.Host}/calendar/{token}.ics";
        ActiveSince = await feeds.ActiveSinceAsync(HttpContext.RequestAborted);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync() =>
        await this.AnswerAsync(await feeds.RevokeAsync(HttpContext.RequestAborted), new WriteAnswer
        {
            Done = _ => RedirectToPage(),
            Flash = "Calendar address revoked",
            Show = async () =>
            {
                await OnGetAsync();
                return Page();
            },
        });
}
