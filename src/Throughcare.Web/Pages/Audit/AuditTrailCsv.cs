using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Audit;

/// <summary>
/// The audit search's rows as a CSV download, written as they are read: a header row, then a row an event, in the words
/// the page uses. A cell a spreadsheet would run as a formula (starting = + - @, a tab or a carriage return) is prefixed
/// with an apostrophe so that it opens as text.
/// </summary>
public sealed class AuditTrailCsv(IAsyncEnumerable<IReadOnlyList<AuditTrailRow>> batches, string fileName) : FileResult("text/csv; charset=utf-8")
{
    public static readonly string[] Header =
        ["Date and time", "Member of staff", "Email address", "Organisation", "Roles", "Action", "What happened", "Record", "Person", "Outcome", "Purpose"];

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public override async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = ContentType;
        response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        await using var csv = CsvWriter.Create(response.Body, Options, leaveOpen: true);
        csv.WriteHeader(Header);
        var cancellationToken = context.HttpContext.RequestAborted;
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            foreach (var row in batch)
            {
                await csv.WriteRecordAsync(
                    [Display.DateTime(row.OccurredAt), row.Who, row.Email, row.Organisation, row.Roles, row.Action, row.WhatHappened, row.Record, row.Person, row.Outcome, row.Purpose],
                    cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
        }
    }
}
