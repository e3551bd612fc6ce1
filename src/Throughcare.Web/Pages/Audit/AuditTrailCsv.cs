using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Audit;

/// <summary>
/// The audit search's rows as a CSV download, written as they are read: a header row, then a row an event, in the words
/// the page uses. A cell a spreadsheet would run as a formula (starting = + - @, a tab or a carriage return) is prefixed
/// with an apostrophe so that it opens as text (<see cref="CsvFile"/>).
/// </summary>
public sealed class AuditTrailCsv(IAsyncEnumerable<IReadOnlyList<AuditTrailRow>> batches, string fileName) : FileResult(CsvFile.ContentTypeWithCharset)
{
    public static readonly string[] Header =
        ["Date and time", "Member of staff", "Email address", "Organisation", "Roles", "Action", "What happened", "Record", "Person", "Outcome", "Purpose"];

    public override Task ExecuteResultAsync(ActionContext context) =>
        CsvFile.WriteAsync(context, fileName, Header, async (csv, cancellationToken) =>
        {
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
        });
}
