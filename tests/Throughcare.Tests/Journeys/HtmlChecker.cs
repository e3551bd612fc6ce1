using System.Diagnostics;
using System.Text.Json;

namespace Throughcare.Tests.Journeys;

/// <summary>
/// The W3C Nu HTML Checker (the <c>vnu-jar</c> npm package, installed with the front-end packages) run on Java over a
/// folder of saved pages, once per journey: it starts a JVM, so one run checks every page.
/// </summary>
public static class HtmlChecker
{
    public sealed record Finding(string File, int Line, string Message, string Extract);

    private static readonly Lazy<string> Jar = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var jar = Path.Combine(folder.FullName, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
            if (File.Exists(jar))
            {
                return jar;
            }
        }

        throw new InvalidOperationException("The W3C HTML checker is missing: run `npm ci` at the repository's root (scripts/test.sh does).");
    });

    public static async Task<IReadOnlyList<Finding>> CheckAsync(string folder)
    {
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-Xss8m", "-jar", Jar.Value, "--errors-only", "--format", "json", folder })
        {
            start.ArgumentList.Add(argument);
        }

        using var checker = Process.Start(start)!;
        var report = checker.StandardError.ReadToEndAsync();
        await checker.StandardOutput.ReadToEndAsync();
        await checker.WaitForExitAsync();
        using var json = JsonDocument.Parse(await report);
        return json.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => new Finding(
                m.GetProperty("url").GetString() ?? "",
                m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                m.GetProperty("message").GetString() ?? "",
                m.TryGetProperty("extract", out var extract) ? extract.GetString() ?? "" : ""))
            .ToList();
    }
}
