using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Throughcare.Core.Domain;

namespace Throughcare.Web.Infrastructure.Web;

/// <summary>How a page answers one write: where a success goes and what it says, where a refusal shows, how a conflict reloads.</summary>
public sealed class WriteAnswer
{
    /// <summary>Where a success goes, usually a redirect to the page that shows the record (RedirectToPage).</summary>
    public required Func<Guid, IActionResult> Done { get; init; }

    /// <summary>The success banner the next page shows (through TempData, never the query string).</summary>
    public string? Flash { get; init; }

    /// <summary>The field a refusal's message belongs to when the refusal names none; empty for the summary alone.</summary>
    public string RefusedField { get; init; } = "";

    /// <summary>Shows the form again (with its errors) after a refusal; the page itself when null.</summary>
    public Func<Task<IActionResult>>? Show { get; init; }

    /// <summary>Loads what is saved now beside the user's own input, for the conflict page; the page then answers 409.</summary>
    public Func<WriteResult.Conflict, Task>? Conflict { get; init; }
}

/// <summary>The one place a write's result becomes a page's answer: a redirect, a 400 with the error summary, a 404 or a 409 conflict page.</summary>
public static class WriteAnswers
{
    public const string FlashKey = "throughcare:flash";

    private const string FlashLinkKey = "throughcare:flash-link";

    public static async Task<IActionResult> AnswerAsync(this PageModel page, WriteResult result, WriteAnswer answer)
    {
        switch (result)
        {
            case WriteResult.Done done:
                if (answer.Flash is not null)
                {
                    page.TempData.SetFlash(answer.Flash);
                }

                return answer.Done(done.Id);
            case WriteResult.Refused refused:
                page.ModelState.AddModelError(refused.Field ?? answer.RefusedField, refused.Message);
                return answer.Show is null ? page.Page() : await answer.Show();
            case WriteResult.Conflict conflict when answer.Conflict is not null:
                await answer.Conflict(conflict);
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
            case WriteResult.Conflict:
                page.ModelState.AddModelError(answer.RefusedField, "Someone else changed this record while you were working on it. Check it and try again.");
                var shown = answer.Show is null ? page.Page() : await answer.Show();
                if (shown is PageResult pageResult)
                {
                    pageResult.StatusCode = StatusCodes.Status409Conflict;
                }

                return shown;
            default:
                return page.NotFound();
        }
    }

    /// <summary>A success banner for the next page the user sees.</summary>
    public static void SetFlash(this ITempDataDictionary tempData, string message) => tempData[FlashKey] = message;

    /// <summary>The success banner left by the write before this page, read once.</summary>
    public static string? Flash(this ITempDataDictionary tempData) => tempData[FlashKey] as string;

    /// <summary>A link the next success banner offers, such as the record the write made; the href comes from routing.</summary>
    public static void SetFlashLink(this ITempDataDictionary tempData, string href, string text) => tempData[FlashLinkKey] = new[] { href, text };

    /// <summary>The success banner's link, if the write left one, read once.</summary>
    public static (string Href, string Text)? FlashLink(this ITempDataDictionary tempData) =>
        tempData[FlashLinkKey] is string[] { Length: 2 } link ? (link[0], link[1]) : null;
}
