using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Generator;

/// <summary>The command line: parses the options, opens and migrates the database, generates, and prints the figures.</summary>
public static class GeneratorProgram
{
    /// <summary>The web host's minimum (ThroughcareHost.MinimumPasswordIterations): a lower count would be rehashed at each first sign-in.</summary>
    private const int PasswordIterations = 210_000;

    public static async Task<int> Main(string[] args)
    {
        const string Usage = """
            Makes a synthetic partnership in a new Throughcare database.

              dotnet run --project src/Throughcare.Generator -c Release -- --scale demo|borough|national
                  --provider sqlite|postgresql --connection "..." [--seed N] [--now 2026-11-30] [--data-directory DIR]

            --now            the day the partnership's history runs up to (default: today, UTC)
            --data-directory where to anchor the audit chain's head, as Throughcare:DataDirectory (optional)
            """;

        var arguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            arguments[args[i].TrimStart('-')] = args[i + 1];
        }

        if (!arguments.TryGetValue("connection", out var connection)
            || GeneratorScale.Named.FirstOrDefault(s => s.Name == arguments.GetValueOrDefault("scale", "demo")) is not { } scale)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var provider = DatabaseSetup.GetProvider(new ConfigurationBuilder()
            .AddInMemoryCollection([new("Database:Provider", arguments.GetValueOrDefault("provider", "sqlite"))]).Build());
        var seed = int.Parse(arguments.GetValueOrDefault("seed", "1"), CultureInfo.InvariantCulture);
        var now = arguments.TryGetValue("now", out var day)
            ? DateTime.SpecifyKind(DateTime.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc)
            : DateTime.UtcNow.Date;
        var anchorDirectory = arguments.GetValueOrDefault("data-directory");

        var hasher = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = PasswordIterations }));
        var options = new GeneratorOptions
        {
            Scale = scale,
            Seed = seed,
            Now = now,
            PasswordHash = hasher.HashPassword(new ApplicationUser { DisplayName = "" }, GeneratorReport.Password),
        };

        Console.WriteLine($"Generating the {scale.Name} partnership ({scale.People:N0} people, {scale.Regions} regions, seed {seed}, up to {now:yyyy-MM-dd}) into {provider}.");
        var temporary = Path.Combine(Path.GetTempPath(), "throughcare-generator-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        await using (var database = await GeneratorDatabase.OpenAsync(provider, connection, anchorDirectory ?? temporary, CancellationToken.None))
        {
            var result = await PartnershipGenerator.RunAsync(database.Db, connection, options, Console.Out, CancellationToken.None);
            if (anchorDirectory is not null)
            {
                database.Anchors.Append(result.AuditHead, result.AuditHeadHash);
                database.Anchors.Dispose();
            }

            GeneratorReport.Write(result, Console.Out);
        }

        if (Directory.Exists(temporary))
        {
            Directory.Delete(temporary, recursive: true);
        }

        return 0;
    }
}
