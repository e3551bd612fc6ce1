using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Web.Infrastructure.Web;

/// <summary>
/// The cheapest page this process can serve from its database, for the load harness (<c>bench/run</c>): one
/// organisation's name read by key with a plain query on the context's connection, no EF query and no tracking,
/// rendered as a tiny HTML page. It passes through the same middleware as every page, so the harness prints each
/// figure as a ratio to it, measured in the same run: absolute figures on a shared machine move, ratios hold. It
/// exists only when <see cref="Setting"/> is true, and shows no personal data.
/// </summary>
public static class BenchmarkBaseline
{
    public const string Setting = "Throughcare:Benchmark:Baseline";

    public static void MapBenchmarkBaseline(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(Setting))
        {
            endpoints.MapGet("/bench/baseline/{organisationId:guid}", ReadAsync).AllowAnonymous().ExcludeFromDescription();
        }
    }

    private static async Task<IResult> ReadAsync(Guid organisationId, ThroughcareDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """SELECT "Name" FROM "Organisations" WHERE "Id" = @id""";
            var id = command.CreateParameter();
            id.ParameterName = "@id";

            // EF Core keeps SQLite's GUIDs as upper-case text; PostgreSQL has a uuid type.
            id.Value = db is SqliteThroughcareDbContext ? organisationId.ToString().ToUpperInvariant() : organisationId;
            command.Parameters.Add(id);
            return await command.ExecuteScalarAsync(cancellationToken) is string name
                ? Results.Content($"<!DOCTYPE html><html lang=\"en\"><title>Baseline</title><p>{WebUtility.HtmlEncode(name)}</p></html>", "text/html; charset=utf-8")
                : Results.NotFound();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
