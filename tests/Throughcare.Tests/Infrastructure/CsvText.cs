namespace Throughcare.Tests.Infrastructure;

/// <summary>Reads a downloaded CSV file back, every row as its cells, the header row first.</summary>
public static class CsvText
{
    public static List<string[]> Read(string csv)
    {
        using var reader = CsvHelper.CsvReader.Create(new StringReader(csv), new CsvHelper.CsvReaderOptions { HasHeader = false }, leaveOpen: false);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].ToString())]);
        }

        return rows;
    }
}
