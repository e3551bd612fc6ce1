using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Xunit.Abstractions;

namespace Throughcare.Tests.Security;

/// <summary>A host on real Kestrel (the test server has no body limit) whose request body limit is small enough to exceed.</summary>
public sealed class SmallBodyFactory : ThroughcareFactory
{
    public const int MaxRequestBodyBytes = 64 * 1024;

    public SmallBodyFactory() => UseKestrel(0);

    public HttpClient CreateKestrelClient()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new HttpClient { BaseAddress = new Uri(address) };
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Throughcare:MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),

        // Plain HTTP on loopback, as in the demo: the anti-forgery check insists on a secure request.
        ["Throughcare:LoopbackIsSecure"] = "true",
    };
}

/// <summary>
/// Every field of every form, one hostile value at a time with valid values in the other fields: no server error,
/// no stack trace, no unencoded echo, a GOV.UK error message on a 400 and nothing written when the form is rejected.
/// </summary>
public sealed class BadInputTests(ThroughcareFactory factory, SmallBodyFactory smallBodyFactory, ITestOutputHelper output)
    : IClassFixture<ThroughcareFactory>, IClassFixture<SmallBodyFactory>
{
    private static readonly string[] WriteActions =
        [AuditActions.Create, AuditActions.Update, AuditActions.Merge, AuditActions.MergedInto, AuditActions.Disable, AuditActions.Enable,
         AuditActions.ChangePassword, AuditActions.TwoFactorEnabled];

    /// <summary>
    /// Server errors found by this test in code outside its owner's reach, reported rather than hidden: each is still
    /// counted and written to the output, and the test fails if one goes away so that the entry is removed.
    /// </summary>

    private sealed record Counts(int People, int Aliases, int Organisations, int Teams, int Users, int Writes);

    public static TheoryData<string, string> Fields => HostileForms.Cases;

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Post_HostileValues_NoServerErrorNoEchoAndRejectedFormsChangeNothing(string form, string field)
    {
        var spec = HostileForms.Find(form);
        var target = spec.Fields.Single(f => f.Name == field);
        var session = await spec.StartAsync(factory);
        var token = await TokenAsync(session);
        var problems = new List<string>();
        var sent = 0;
        var serverErrors = 0;

        // The valid values alone are accepted, so that each rejection below is the hostile value's doing.
        var baseline = await SendAsync(session, token, await session.ValidFieldsAsync());
        ((int)baseline.Status).ShouldBeLessThan(400, $"{form} with valid values: {string.Join(" | ", baseline.Document.ErrorSummary())}");
        if (spec.StartAgainAfterSuccess)
        {
            session = await spec.StartAsync(factory);
            token = await TokenAsync(session);
        }

        foreach (var (label, attack) in Attacks(target))
        {
            var fields = attack(await session.ValidFieldsAsync());
            var before = await CountAsync();
            var page = await SendAsync(session, token, fields);
            var after = await CountAsync();
            sent++;
            serverErrors += (int)page.Status >= 500 ? 1 : 0;
            var unreadable = fields.Any(f => f.Value.Contains('\0', StringComparison.Ordinal)) && !session.IsQuery;
            problems.AddRange(Problems(page, before, after, unreadable).Select(p => $"{label}: {p}"));

            if (spec.StartAgainAfterSuccess && page.Status == HttpStatusCode.Redirect)
            {
                session = await spec.StartAsync(factory);
                token = await TokenAsync(session);
            }
        }

        output.WriteLine($"HOSTILE {form} / {field}: {sent} requests, {serverErrors} server errors");
        problems.ShouldBeEmpty($"{form} / {field}:\n{string.Join("\n", problems)}");
    }

    public static TheoryData<string, string> OtherOrganisationsIds => HostileForms.OtherOrganisationsIdCases;

    /// <summary>A field that names a record, sent the id of another organisation's record: refused with a 400 or a 404, and nothing written.</summary>
    [Theory]
    [MemberData(nameof(OtherOrganisationsIds))]
    public async Task Post_IdOfAnotherOrganisationsRecord_Returns400Or404AndChangesNothing(string form, string field)
    {
        var spec = HostileForms.Find(form);
        var session = await spec.StartAsync(factory);
        var token = await TokenAsync(session);
        var foreign = await spec.Fields.Single(f => f.Name == field).OtherOrganisationsId!(factory);
        var fields = Replace(await session.ValidFieldsAsync(), field, [foreign]);
        var before = await CountAsync();

        var page = await SendAsync(session, token, fields);

        page.Status.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        (await CountAsync()).ShouldBe(before);
        AssertNoStackTrace(page);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Returns413WithoutServerError()
    {
        using var client = smallBodyFactory.CreateKestrelClient();
        var before = await smallBodyFactory.WithDbAsync(db => db.AuditEvents.CountAsync());

        using var content = new FormUrlEncodedContent([new("Input.Email", "someone@example.test"), new("Input.Password", new string('x', SmallBodyFactory.MaxRequestBodyBytes + 1))]);
        using var response = await client.PostAsync(new Uri("/sign-in", UriKind.Relative), content);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, html);
        html.ShouldContain("What you sent was too large");
        html.ShouldNotContain("   at ");
        html.ShouldNotContain("Exception");
        (await smallBodyFactory.WithDbAsync(db => db.AuditEvents.CountAsync())).ShouldBe(before);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "Input.GivenName=%zz%%&=&&%FF%FE%00&Input.FamilyName=%E0%A4%A")]
    [InlineData("multipart/form-data", "--no-boundary\r\nContent-Disposition: form-data; name=\"Input.GivenName\"\r\n\r\nChidi")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"Input.GivenName\"\r\n\r\nunterminated")]
    public async Task Post_MalformedFormEncoding_Returns400(string contentType, string body)
    {
        var user = await new TestData(factory).CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var token = await browser.GetTokenAsync("/people/new");
        var before = await CountAsync();

        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.Replace("%TOKEN%", token, StringComparison.Ordinal)));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await browser.Client.PostAsync(new Uri("/people/new", UriKind.Relative), content);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldNotContain("   at ");
        html.ShouldNotContain("Exception");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Post_TooManyFields_Returns400()
    {
        var user = await new TestData(factory).CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var token = await browser.GetTokenAsync("/people/new");

        var page = await browser.PostRawAsync("/people/new",
            Enumerable.Range(0, 5000).Select(i => KeyValuePair.Create($"Input.Field{i}", "x")).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        AssertNoStackTrace(page);
    }

    [Fact]
    public async Task Post_WithoutAntiForgeryToken_Returns400GovUkErrorPage()
    {
        var user = await new TestData(factory).CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var before = await CountAsync();

        var page = await browser.PostRawAsync("/people/new", [new("Input.GivenName", "Chidi"), new("Input.FamilyName", "Okafor"), new("Input.IsPpo", "no")]);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.Heading().ShouldBe("There is a problem with your request");
        page.Document.QuerySelector(".govuk-header").ShouldNotBeNull();
        AssertNoStackTrace(page);
        (await CountAsync()).ShouldBe(before);
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

    private static List<KeyValuePair<string, string>> Replace(List<KeyValuePair<string, string>> fields, string name, IEnumerable<string> values) =>
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

    private static async Task<string?> TokenAsync(FormSession session) =>
        session.TokenPage is null ? null : await session.Browser.GetTokenAsync(session.TokenPage);

    private static async Task<Page> SendAsync(FormSession session, string? token, List<KeyValuePair<string, string>> fields)
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

    private Task<Counts> CountAsync() => factory.WithDbAsync(async db => new Counts(
        await db.People.IgnoreQueryFilters().CountAsync(),
        await db.PersonAliases.IgnoreQueryFilters().CountAsync(),
        await db.Organisations.IgnoreQueryFilters().CountAsync(),
        await db.Teams.IgnoreQueryFilters().CountAsync(),
        await db.Users.IgnoreQueryFilters().CountAsync(),
        await db.AuditEvents.CountAsync(a => WriteActions.Contains(a.Action))));

    private static void AssertNoStackTrace(Page page)
    {
        page.Html.ShouldNotContain("   at ");
        page.Html.ShouldNotContain("Exception");
    }
}
