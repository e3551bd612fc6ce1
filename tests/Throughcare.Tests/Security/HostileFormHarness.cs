using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Throughcare.Tests.Security;

/// <summary>
/// Sends forms as a hostile client would and judges the answers: no server error, no stack trace, no unencoded echo,
/// a GOV.UK error message on a 400 and nothing written when the form is rejected.
/// </summary>
public abstract class HostileFormHarness(ThroughcareFactory factory)
{
    protected ThroughcareFactory Factory { get; } = factory;

    private static readonly string[] WriteActions =
        [AuditActions.Create, AuditActions.Update, AuditActions.Merge, AuditActions.MergedInto, AuditActions.Disable, AuditActions.Enable,
         AuditActions.ChangePassword, AuditActions.TwoFactorEnabled];

    protected sealed record Counts(int People, int Aliases, int Organisations, int Teams, int Users, int Writes);

    /// <summary>Every hostile value in one field of one form, with valid values in the other fields.</summary>
    protected async Task SendHostileValuesAsync(string form, string field, ITestOutputHelper output)
    {
        var spec = HostileForms.Find(form);
        var target = spec.Fields.Single(f => f.Name == field);
        var session = await spec.StartAsync(Factory);
        var token = await TokenAsync(session);
        var problems = new List<string>();
        var sent = 0;
        var serverErrors = 0;

        // The valid values alone are accepted, so that each rejection below is the hostile value's doing.
        var baseline = await SendAsync(session, token, await session.ValidFieldsAsync());
        ((int)baseline.Status).ShouldBeLessThan(400, $"{form} with valid values: {string.Join(" | ", baseline.Document.ErrorSummary())}");
        if (spec.StartAgainAfterSuccess)
        {
            session = await spec.StartAsync(Factory);
            token = await TokenAsync(session);
        }

        // The count after one request is the count before the next, unless making the valid values writes (the merge
        // makes its two people) or a new session was started: a count reused wrongly can only fail the test, never pass it.
        Counts? counted = null;
        foreach (var (label, attack) in Attacks(target))
        {
            var fields = attack(await session.ValidFieldsAsync());
            var before = spec.ValidFieldsWrite || counted is null ? await CountAsync() : counted;
            var page = await SendAsync(session, token, fields);
            var after = await CountAsync();
            counted = after;
            sent++;
            serverErrors += (int)page.Status >= 500 ? 1 : 0;
            var unreadable = fields.Any(f => f.Value.Contains('\0', StringComparison.Ordinal)) && !session.IsQuery;
            problems.AddRange(Problems(page, before, after, unreadable).Select(p => $"{label}: {p}"));

            if (spec.StartAgainAfterSuccess && page.Status == HttpStatusCode.Redirect)
            {
                session = await spec.StartAsync(Factory);
                token = await TokenAsync(session);
                counted = null;
            }
        }

        output.WriteLine($"HOSTILE {form} / {field}: {sent} requests, {serverErrors} server errors");
        problems.ShouldBeEmpty($"{form} / {field}:\n{string.Join("\n", problems)}");
    }

    /// <summary>Each hostile value (or date) as a change to the form's valid fields.</summary>
    private static IEnumerable<(string Label, Func<List<KeyValuePair<string, string>>, List<KeyValuePair<string, string>>> Apply)> Attacks(HostileField field)
    {
        if (field.IsDateGroup)
        {
            foreach (var date in HostileValues.Dates)
            {
                yield return ($"date {date}", valid => Replace(Replace(Replace(valid, $"{field.Name}.Day", [date.Day]), $"{field.Name}.Month", [date.Month]), $"{field.Name}.Year", [date.Year]));
            }

            yield break;
        }

        foreach (var hostile in HostileValues.For(field.Limit))
        {
            yield return (hostile.Name, valid =>
            {
                var current = valid.Where(f => f.Key == field.Name).Select(f => f.Value).ToList();
                return hostile.Shape switch
                {
                    HostileShape.DuplicatedHostileFirst => Replace(valid, field.Name, [hostile.Value, .. current.DefaultIfEmpty("")]),
                    HostileShape.DuplicatedHostileLast => Replace(valid, field.Name, [.. current.DefaultIfEmpty(""), hostile.Value]),
                    HostileShape.UnexpectedFields => [.. Replace(valid, field.Name, [hostile.Value]), .. HostileValues.UnexpectedFields],
                    _ => Replace(valid, field.Name, [hostile.Value]),
                };
            }
            );
        }
    }

    protected static List<KeyValuePair<string, string>> Replace(List<KeyValuePair<string, string>> fields, string name, IEnumerable<string> values) =>
        [.. fields.Where(f => f.Key != name), .. values.Select(v => KeyValuePair.Create(name, v))];

    /// <param name="unreadable">The form reader refuses a body with NUL in it, so the whole form is rejected by the GOV.UK 400 page.</param>
    private static IEnumerable<string> Problems(Page page, Counts before, Counts after, bool unreadable)
    {
        if ((int)page.Status >= 500)
        {
            yield return $"answered {(int)page.Status} {page.Document.Heading()}";
        }

        if (page.Html.Contains("   at ", StringComparison.Ordinal) || page.Html.Contains("Exception", StringComparison.Ordinal))
        {
            yield return "shows a stack trace";
        }

        foreach (var marker in HostileValues.UnencodedMarkers.Where(m => page.Html.Contains(m, StringComparison.Ordinal)))
        {
            yield return $"echoes {marker} unencoded";
        }

        var rejectedAsUnreadable = unreadable && page.Document.Heading() == "There is a problem with your request";
        if (page.Status == HttpStatusCode.BadRequest && page.Document.ErrorSummary().Count == 0 && !rejectedAsUnreadable)
        {
            yield return $"400 without a GOV.UK error message ({page.Document.Heading()})";
        }

        if ((int)page.Status is >= 400 and < 500 && before != after)
        {
            yield return $"{(int)page.Status} but the database changed: {before} → {after}";
        }

        if (page.Location is { } location && (!location.StartsWith('/') || location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal)))
        {
            yield return $"redirects off the site to {location}";
        }
    }

    protected static async Task<string?> TokenAsync(FormSession session) =>
        session.TokenPage is null ? null : await session.Browser.GetTokenAsync(session.TokenPage);

    protected static async Task<Page> SendAsync(FormSession session, string? token, List<KeyValuePair<string, string>> fields)
    {
        if (token is null)
        {
            var query = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
            return await session.Browser.GetAsync($"{session.Url}?{query}");
        }

        if (session.Files.Count > 0)
        {
            return await PostMultipartAsync(session, fields.Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        }

        return await session.Browser.PostRawAsync(session.Url, fields.Append(KeyValuePair.Create("__RequestVerificationToken", token)));
    }

    /// <summary>Posts the fields and the session's files as a browser sends an upload form.</summary>
    private static async Task<Page> PostMultipartAsync(FormSession session, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            // Named by hand: the helper refuses an empty name, which the unexpected fields include on purpose.
            var part = new StringContent(value);
            part.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"" };
            body.Add(part);
        }

        foreach (var (name, fileName, content) in session.Files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            body.Add(file, name, fileName);
        }

        var response = await session.Browser.Client.PostAsync(new Uri(session.Url, UriKind.Relative), body);
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response, html, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html));
    }

    /// <summary>The rows a rejected form must not add, in one round trip: the harness counts after every request.</summary>
    protected Task<Counts> CountAsync() => Factory.WithDbAsync(async db =>
    {
        var writes = string.Join(", ", WriteActions.Select(a => $"'{a}'"));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT (SELECT COUNT(*) FROM "People"), (SELECT COUNT(*) FROM "PersonAliases"), (SELECT COUNT(*) FROM "Organisations"),
                       (SELECT COUNT(*) FROM "Teams"), (SELECT COUNT(*) FROM "AspNetUsers"),
                       (SELECT COUNT(*) FROM "AuditEvents" WHERE "Action" IN ({writes}))
                """;
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            int Count(int i) => Convert.ToInt32(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            return new Counts(Count(0), Count(1), Count(2), Count(3), Count(4), Count(5));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });

    protected static void AssertNoStackTrace(Page page)
    {
        page.Html.ShouldNotContain("   at ");
        page.Html.ShouldNotContain("Exception");
    }
}
