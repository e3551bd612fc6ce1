using System.Globalization;
using Throughcare.Core.Domain.Accounts;

namespace Throughcare.Generator;

/// <summary>What the generator prints: rows and rows per second for each table, the database's size, and accounts to sign in with.</summary>
public static class GeneratorReport
{
    /// <summary>Every generated member of staff has this password (the load harness signs in as any of them).</summary>
    public const string Password = "Synthetic-Partnership-2026";

    public static void Write(GeneratorResult result, TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(culture, $"{"table",-28} {"rows",12} {"seconds",9} {"rows/s",11}"));
        foreach (var table in result.Tables.OrderByDescending(t => t.Rows))
        {
            output.WriteLine(string.Create(culture, $"{table.Table,-28} {table.Rows,12:N0} {table.Writing.TotalSeconds,9:N1} {table.RowsPerSecond,11:N0}"));
        }

        output.WriteLine(string.Create(culture, $"{"overall",-28} {result.Rows,12:N0} {result.Elapsed.TotalSeconds,9:N1} {result.Rows / result.Elapsed.TotalSeconds,11:N0}"));
        output.WriteLine(string.Create(culture, $"Database size: {result.DatabaseBytes / 1024.0 / 1024.0:N1} MB. Audit chain: {result.AuditHead:N0} rows, head {result.AuditHeadHash[..16]}…"));
        output.WriteLine();
        output.WriteLine($"Staff e-mails read role-number@organisation.{Partnership.EmailDomain}; in the first region:");
        foreach (var organisation in result.Partnership.Regions[0].Organisations)
        {
            var roles = organisation.Staff.GroupBy(s => s.Role).Select(g => $"{g.First().Email}{(g.Count() > 1 ? string.Create(culture, $" (…-{g.Count()})") : "")}");
            output.WriteLine($"  {organisation.Entity.Name}: {string.Join(", ", roles)}");
        }

        output.WriteLine($"Other regions' organisations are r02-…, r03-… ({string.Join(", ", result.Partnership.Regions[0].Organisations.Select(o => o.Code[4..]))}).");
        output.WriteLine($"Roles: {string.Join(", ", StaffRoles.All)}.");

        // Last, and last on its line: the load harness reads it from here.
        output.WriteLine($"Every member of staff signs in with the password {Password}");
    }
}
