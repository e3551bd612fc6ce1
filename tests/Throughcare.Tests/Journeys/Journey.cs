using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Throughcare.Tests.Journeys;

/// <summary>
/// A person's path through the service in one browser context. Every page the browser lands on must be checked
/// with <see cref="ExpectPageAsync"/>, which runs axe with the WCAG 2.0, 2.1 and 2.2 A and AA rules and looks at the
/// page on a 390-pixel phone screen; violations, script errors, pages that scroll sideways and pages left unchecked are
/// collected, and every HTML document the server sent is put through the W3C Nu HTML Checker, by
/// <see cref="AssertAccessibleAsync"/>.
/// </summary>
public sealed class Journey : IAsyncDisposable
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    // Names the elements that stick out past the right edge of the page, deepest first, so a report says what to mend.
    private const string WiderThanThePage = """
        () => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          return [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > width + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' (' + Math.round(e.getBoundingClientRect().right) + 'px)');
        }
        """;

    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];
    private readonly List<string> _visited = [];
    private readonly HashSet<int> _checked = [];
    private readonly List<(string Url, Task<string> Html)> _documents = [];
    private TaskCompletionSource _navigated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Journey(IBrowserContext context, IPage page, bool javaScript)
    {
        _context = context;
        Page = page;
        JavaScript = javaScript;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                _visited.Add(frame.Url);
                _navigated.TrySetResult();
            }
        };
        page.PageError += (_, error) => _problems.Add($"Script error on {page.Url}: {error}");
        // A page answering 400 to a form with errors is expected; a stylesheet, script or image failing to load is not.
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                _problems.Add($"{response.Status} for {response.Request.ResourceType} {response.Url} on {page.Url}");
            }

            // The HTML as served, before any script changes it, is what the W3C checker reads.
            if (response.Request.ResourceType == "document" && response.Frame == page.MainFrame && response.Status is < 300 or >= 400)
            {
                _documents.Add((response.Url, response.TextAsync()));
            }
        };
        page.RequestFailed += (_, request) => _problems.Add($"Failed to load {request.ResourceType} {request.Url}: {request.Failure}");
    }

    public IPage Page { get; }

    public bool JavaScript { get; }

    public static async Task<Journey> StartAsync(JourneyFixture fixture, bool javaScript = true)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            ViewportSize = Desktop,
        });
        // Bounds a hang, not a speed: on a loaded 2-core machine a page with its axe run can take many seconds.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        return new Journey(context, await context.NewPageAsync(), javaScript);
    }

    public async Task GotoAsync(string path, string heading)
    {
        await Page.GotoAsync(path);
        await ExpectPageAsync(heading);
    }

    /// <summary>Waits for the page with this main heading, checks it shows an error summary only when expected, then runs axe.</summary>
    public async Task ExpectPageAsync(string heading, bool withErrors = false)
    {
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync(heading);
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToHaveCountAsync(withErrors ? 1 : 0);
        await LoadedAsync();
        await CheckAccessibilityAsync();
    }

    public ILocator Field(string label) => Page.GetByLabel(label, new PageGetByLabelOptions { Exact = true });

    /// <summary>Clicks a button (or a link styled as one) and waits for the page it leads to.</summary>
    public Task ClickButtonAsync(string name) =>
        NavigateByAsync(Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true }));

    public Task ClickLinkAsync(string name) =>
        NavigateByAsync(Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = name, Exact = true }).First);

    // A form with errors comes back with the same heading, so waiting for the heading alone could check the old page.
    private async Task NavigateByAsync(ILocator target)
    {
        var navigated = _navigated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await target.ClickAsync();
        await navigated.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await LoadedAsync();
    }

    // The document itself says when it has loaded: Playwright's load-state event was seen to go missing after a
    // navigation (its wait then timed out with the page long loaded), where the document's readyState does not.
    // A journey without JavaScript waits for the event; when it goes missing there too (a CI run saw the network go idle
    // and the wait still time out), the page's footer, the end of every document, shows that it was read to the end.
    private async Task LoadedAsync()
    {
        if (!JavaScript)
        {
            try
            {
                await Page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = 10_000 });
            }
            catch (TimeoutException)
            {
                await Page.Locator("footer.govuk-footer").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            }

            return;
        }

        await (await Page.WaitForFunctionAsync("() => document.readyState === 'complete'")).DisposeAsync();
    }

    public async Task FillDateAsync(string legend, DateOnly date)
    {
        var group = Page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = legend });
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Signs in as the README has a newcomer do: open the site's root, be sent to sign in on the same plain-HTTP address
    /// (a redirect to https on this port would leave the browser on an error page), and come back to the root.
    /// </summary>
    public async Task SignInAsync(string email, string password)
    {
        await GotoAsync("/", "Sign in to Throughcare");
        var signIn = new Uri(Page.Url);
        (signIn.Scheme, signIn.AbsolutePath, signIn.Query).ShouldBe(("http", "/sign-in", "?returnUrl=%2F"));
        await Field("Email address").FillAsync(email);
        await Field("Password").FillAsync(password);
        await ClickButtonAsync("Sign in");
        await ExpectPageAsync("What needs you now");
        var home = new Uri(Page.Url);
        (home.Scheme, home.AbsolutePath).ShouldBe(("http", "/"));
    }

    public async Task SignOutAsync()
    {
        await ClickButtonAsync("Sign out");
        await ExpectPageAsync("Sign in to Throughcare");
        await Assertions.Expect(Page.GetByText("You have signed out")).ToBeVisibleAsync();
    }

    /// <summary>Saves a full-page screenshot when THROUGHCARE_SCREENSHOTS names a folder, for looking at a layout.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("THROUGHCARE_SCREENSHOTS");
        if (!string.IsNullOrWhiteSpace(folder))
        {
            Directory.CreateDirectory(folder);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    private async Task CheckAccessibilityAsync()
    {
        _checked.Add(_visited.Count);
        if (!JavaScript)
        {
            // axe runs as script in the page, and hangs when script is off; the journeys with script on check these pages.
            return;
        }

        var result = await Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
        foreach (var violation in result.Violations)
        {
            var report = new StringBuilder($"{Page.Url} ({await Page.TitleAsync()}): {violation.Id} [{violation.Impact}] {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                report.Append($"\n    at {node.Target}: {node.Html}");
            }

            _problems.Add(report.ToString());
        }

        await CheckPhoneWidthAsync();
    }

    // A table or a long word that widens the page makes a phone user scroll the whole page sideways to read it.
    private async Task CheckPhoneWidthAsync()
    {
        await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        try
        {
            var wide = await Page.EvaluateAsync<string[]>(WiderThanThePage);
            if (wide.Length > 0)
            {
                _problems.Add($"{Page.Url} scrolls sideways on a {Phone.Width}-pixel screen, past the edge: {string.Join(", ", wide)}");
            }
        }
        finally
        {
            await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        }
    }

    /// <summary>
    /// Fails listing every violation found, any page the journey landed on without checking it, and every error the W3C
    /// Nu HTML Checker finds in the documents the server sent.
    /// </summary>
    public async Task AssertAccessibleAsync()
    {
        var notChecked = Enumerable.Range(1, _visited.Count).Where(n => !_checked.Contains(n)).Select(n => $"Not checked with axe: {_visited[n - 1]}");
        var problems = _problems.Concat(notChecked).Concat(await HtmlCheckerErrorsAsync()).ToList();
        problems.ShouldBeEmpty($"{problems.Count} accessibility and HTML problems on {_visited.Count} pages:\n" + string.Join("\n", problems));
    }

    private async Task<IEnumerable<string>> HtmlCheckerErrorsAsync()
    {
        var folder = Directory.CreateTempSubdirectory("throughcare-html-");
        try
        {
            var files = new Dictionary<string, string>();
            for (var i = 0; i < _documents.Count; i++)
            {
                var file = $"page-{i:000}.html";
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, file), await _documents[i].Html);
                files[file] = _documents[i].Url;
            }

            return files.Count == 0 ? [] : (await HtmlChecker.CheckAsync(folder.FullName))
                .Select(m => $"W3C: {files.GetValueOrDefault(Path.GetFileName(m.File), m.File)} line {m.Line}: {m.Message} in `{m.Extract}`");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
