using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Throughcare.Web.Infrastructure.Web;

/// <summary>
/// A small table as a CSV download: a header row, then its rows. A cell a spreadsheet would run as a formula (starting
/// = + - @, a tab or a carriage return) is prefixed with an apostrophe so that it opens as text.
/// </summary>
public sealed class CsvFile(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, string fileName) : FileResult(ContentTypeWithCharset)
{
    public const string ContentTypeWithCharset = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public override Task ExecuteResultAsync(ActionContext context) =>
        WriteAsync(context, fileName, header, async (csv, cancellationToken) =>
        {
            foreach (var row in rows)
            {
                await csv.WriteRecordAsync(row.ToArray(), cancellationToken);
            }
        });

    /// <summary>Sends a CSV attachment: its header row, then whatever rows the writer adds, each cell that could run as a formula escaped.</summary>
    public static async Task WriteAsync(ActionContext context, string fileName, IReadOnlyList<string> header, Func<CsvWriter, CancellationToken, Task> writeRows)
    {
        var response = context.HttpContext.Response;
        response.ContentType = ContentTypeWithCharset;
        response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        await using var csv = CsvWriter.Create(response.Body, Options, leaveOpen: true);
        csv.WriteHeader([.. header]);
        await writeRows(csv, context.HttpContext.RequestAborted);
        await csv.FlushAsync(context.HttpContext.RequestAborted);
    }
}
