using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.ReleaseLists;

namespace Throughcare.Web.Pages.ReleaseLists;

/// <summary>
/// A page of one borough's lists: refused (404) before its handler runs unless the user may read that borough's lists
/// (<see cref="ReleaseListReader.MayReadAsync"/>); what it lists of people is then the people filter's to decide.
/// </summary>
public abstract class BoroughPageModel(ReleaseListReader reader) : PageModel
{
    [FromRoute]
    public string Borough { get; set; } = "";

    public string BoroughName => Boroughs.All.LabelFor(Borough) ?? Borough;

    protected ReleaseListReader Reader => reader;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!await reader.MayReadAsync(Borough, HttpContext.RequestAborted))
        {
            context.Result = NotFound();
            return;
        }

        await next();
    }

    /// <summary>A file name for an export of this borough's list on a date.</summary>
    protected string FileName(string list, DateOnly today, string extension) => $"{list}-{Borough}-{today:yyyy-MM-dd}.{extension}";
}
