using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Throughcare.Web.Infrastructure.Web;

/// <summary>
/// A small table as an Excel workbook of one sheet: a header row, then its rows, every cell text. A cell a spreadsheet
/// could take for a formula (starting = + - @, a tab or a carriage return) is prefixed with an apostrophe, as
/// <see cref="CsvFile"/> does, so that it opens as text wherever it is pasted.
/// </summary>
public sealed class XlsxFile(string sheetName, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, string fileName)
    : FileResult("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
{
    public override async Task ExecuteResultAsync(ActionContext context)
    {
        using var buffer = new MemoryStream();
        Write(buffer, sheetName, header, rows);
        var response = context.HttpContext.Response;
        response.ContentType = ContentType;
        response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, context.HttpContext.RequestAborted);
    }

    /// <summary>Writes the workbook to a stream.</summary>
    public static void Write(Stream stream, string sheetName, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(header));
        foreach (var row in rows)
        {
            data.Append(Row(row));
        }

        sheet.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName });
        workbook.Workbook.Save();
    }

    /// <summary>The text a cell holds: as given, unless a spreadsheet would run it as a formula.</summary>
    public static string Neutralised(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static Row Row(IEnumerable<string> cells) =>
        new(cells.Select(c => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Neutralised(c)) { Space = SpaceProcessingModeValues.Preserve }) }));
}
