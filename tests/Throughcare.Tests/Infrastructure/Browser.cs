using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Throughcare.Tests.Infrastructure;

public sealed record Page(HttpResponseMessage Response, string Html, IHtmlDocument Document)
{
    public HttpStatusCode Status => Response.StatusCode;
    public string? Location => Response.Headers.Location?.OriginalString;
}

/// <summary>An HTTP client that behaves like a person's browser: cookies, forms with their anti-forgery token, HTML parsed.</summary>
public sealed partial class Browser(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public static async Task<Browser> SignInAsync(ThroughcareFactory factory, TestUser user)
    {
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.PostFormAsync("/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        if (page.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed for {user.Email}: {page.Status}");
        }

        return browser;
    }

    public static Browser Anonymous(ThroughcareFactory factory) => new(factory.CreateBrowser());

    public async Task<Page> GetAsync(string url) => await ReadAsync(await client.GetAsync(new Uri(url, UriKind.Relative)));

    /// <summary>Loads the form page (or <paramref name="formPage"/>), takes its anti-forgery token and posts the fields.</summary>
    public async Task<Page> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await GetTokenAsync(formPage ?? url);
        return await PostRawAsync(url, fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
    }

    /// <summary>Posts a form and follows its redirect on this site, as a browser does after a search is posted.</summary>
    public async Task<Page> PostFormAndFollowAsync(string url, Dictionary<string, string> fields)
    {
        var posted = await PostFormAsync(url, fields);
        return posted.Status == HttpStatusCode.Redirect && posted.Location is ['/', not '/', ..] location ? await GetAsync(location) : posted;
    }

    public async Task<Page> PostRawAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await ReadAsync(await client.PostAsync(new Uri(url, UriKind.Relative), content));
    }

    public async Task<string> GetTokenAsync(string formPage)
    {
        var page = await GetAsync(formPage);
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement;
        return token?.Value ?? throw new InvalidOperationException($"No form on {formPage} ({page.Status})");
    }

    private static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = Parser.ParseDocument(html);

        // Every page any test reads keeps HTML's rule for machine-readable times (the W3C checker's most common error).
        foreach (var time in document.QuerySelectorAll("time[datetime]"))
        {
            var value = time.GetAttribute("datetime")!;
            if (!ValidDateTime().IsMatch(value))
            {
                throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: <time datetime=\"{value}\"> is not a valid HTML date or time");
            }
        }

        return new Page(response, html, document);
    }

    /// <summary>A valid date, or global or local date and time string, as HTML defines them (at most 3 fraction digits).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial System.Text.RegularExpressions.Regex ValidDateTime();
}
