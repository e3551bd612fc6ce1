using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Throughcare.Tests.Security;

/// <summary>One scenario and one host for the whole matrix: the scenario is rich, and building it per case would take minutes.</summary>
public sealed class AccessMatrixFixture : IAsyncLifetime
{
    public ThroughcareFactory Factory { get; } = new();

    public AccessScenario Scenario { get; private set; } = null!;

    public IReadOnlyList<MatrixEndpoint> Endpoints { get; private set; } = [];

    /// <summary>How long the host and the scenario took to set up, shared by both tests.</summary>
    public TimeSpan SetUp { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        Scenario = await AccessScenario.CreateAsync(Factory);
        Endpoints = await AccessMatrixRoutes.EndpointsAsync(Factory.Services);
        SetUp = clock.Elapsed;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A response as the matrix judges it: its status, where it sends the browser, and everything it shows.</summary>
public sealed record MatrixResponse(HttpStatusCode Status, string? Location, string Body, string Text, string CorrelationId)
{
    /// <summary>A 2xx, or a redirect anywhere but to sign in: the request did what it asked.</summary>
    public bool Succeeded => (int)Status is >= 200 and < 300 || ((int)Status is >= 300 and < 400 && Location?.StartsWith("/sign-in", StringComparison.Ordinal) != true);

    public bool Shows(string marker) => Text.Contains(marker, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The access matrix, generated from the route table: every routed page and API endpoint, with every verb and page
/// handler it has, filled from one rich scenario, requested as every identity QUALITY.md names. A leak is a success
/// where none is allowed, or a marker the identity may never see; POSTs that must be refused change no row of any
/// table. A new page, handler or endpoint is in the matrix the day it exists, and a new kind of route value fails it
/// until the scenario can fill it.
/// </summary>
[LongRunning]
public sealed class AccessMatrixTests(AccessMatrixFixture fixture, ITestOutputHelper output) : IClassFixture<AccessMatrixFixture>
{
    /// <summary>Requests in flight at once: enough to keep two cores busy while others wait on the database.</summary>
    private const int Parallelism = 4;

    private ThroughcareFactory Factory => fixture.Factory;

    private AccessScenario Scenario => fixture.Scenario;

    [Fact]
    public async Task EveryRoute_AsEveryIdentity_LeaksNothing()
    {
        var clock = Stopwatch.StartNew();
        var identities = await AccessMatrixIdentities.SignInAsync(Factory, Scenario);
        var cells = Cells();
        var run = new MatrixRun();

        // Identities are independent of each other, so their GETs run side by side.
        await Parallel.ForEachAsync(identities, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (identity, _) =>
        {
            foreach (var cell in cells.Where(c => !c.Endpoint.IsWrite))
            {
                var response = await SendAsync(identity, cell, null);
                Judge(identity, cell, response, run);
                if (cell.Endpoint.IsPage && (int)response.Status is >= 200 and < 300 && !cell.Mismatched && response.Body.Contains("<form", StringComparison.Ordinal))
                {
                    run.Forms.TryAdd(cell.Endpoint.Pattern, (response.Body, cell.Path));
                }
            }
        });

        var reading = clock.Elapsed;

        // Each POST cell is sent by everyone who must be refused; after each endpoint's cells, every table is compared with
        // how it was before (the changed row names the record, so the cell is found among the endpoint's).
        var before = await AccessMatrixFingerprint.TakeAsync(Factory);
        foreach (var endpoint in cells.Where(c => c.Endpoint.IsWrite).GroupBy(c => c.Endpoint))
        {
            var form = run.Forms.TryGetValue(endpoint.Key.Pattern, out var page) ? AccessMatrixIdentities.FormFields(page.Html, page.Path, endpoint.Key.Handler) : [];
            var sends = endpoint.SelectMany(cell => identities.Where(i => i.SendsPost(cell)).Select(identity => (Cell: cell, Identity: identity))).ToList();
            await Parallel.ForEachAsync(sends, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (send, _) =>
                Judge(send.Identity, send.Cell, await SendAsync(send.Identity, send.Cell, form), run));

            var after = await AccessMatrixFingerprint.TakeAsync(Factory);
            var refused = sends.Where(s => s.Identity.Expect(s.Cell) != Expect.MaySucceed).Select(s => s.Identity.Name).Distinct();
            run.Leak(after.ChangesSince(before).Select(change => $"{endpoint.Key} as one of {string.Join(", ", refused)}: changed {change}"));
            before = after;
        }

        var seen = run.Seen;
        var answered = run.Answered;
        var leaks = run.Leaks;
        var requests = run.Requests;
        var unseen = Enum.GetValues<Marker>().Where(m => !seen.Contains(m)).ToList();
        var unanswered = fixture.Endpoints.Where(e => !e.IsWrite && e.Route.Parameters.Any(p => Scenario.RouteFills.GetValueOrDefault(p.Name)?.Any(f => f.Kind == RouteValueKind.CareRecord) == true))
            .Where(e => !answered.Contains(e)).ToList();
        var routes = fixture.Endpoints.Select(e => e.Pattern).Distinct().Count();
        output.WriteLine($"ACCESS MATRIX: {routes} routes x {identities.Count} identities, {requests} requests, {leaks.Count} leaks " +
            $"({fixture.Endpoints.Count} verbs and handlers, {cells.Count} cells, {before.Rows} rows fingerprinted, {clock.Elapsed.TotalSeconds:F1} s on {TestDatabase.Provider}: {reading.TotalSeconds:F1} s signing in and reading, " +
            $"{(clock.Elapsed - reading).TotalSeconds:F1} s posting, after {fixture.SetUp.TotalSeconds:F1} s setting up)");
        foreach (var identity in identities)
        {
            output.WriteLine($"  {identity}: {string.Join(", ", run.Statuses(identity).Select(s => $"{s.Count} x {s.Status}"))}");
        }

        foreach (var leak in leaks)
        {
            output.WriteLine("LEAK " + leak);
        }

        unseen.ShouldBeEmpty("markers no identity allowed to see them was ever shown: the scenario or its route values are wrong");
        unanswered.Select(e => e.ToString()).ShouldBeEmpty("pages of care records no identity could open: their route values are not filled right");
        leaks.ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryResponseThatShowsAPerson_LeavesItsReadRows()
    {
        var clock = Stopwatch.StartNew();
        var staff = Scenario.Staff;
        var readers = new List<MatrixIdentity>();
        foreach (var name in new[] { "manager", "worker", "referrer", "data protection officer", "administrator" })
        {
            var browser = await Browser.SignInAsync(Factory, staff[name]);
            readers.Add(new MatrixIdentity { Name = name, Client = browser.Client, FormToken = await browser.GetTokenAsync("/sign-out"), Forbidden = new HashSet<Marker>(), Expect = _ => Expect.MaySucceed });
        }

        readers.Add(new MatrixIdentity
        {
            Name = "receiving organisation's API token",
            Client = AccessMatrixIdentities.WithToken(Factory, await AccessMatrixIdentities.IssueTokenAsync(Factory, staff["administrator"])),
            Forbidden = new HashSet<Marker>(),
            Expect = _ => Expect.MaySucceed,
        });

        var people = new Dictionary<Marker, Guid> { [Marker.PersonName] = Scenario.PersonId, [Marker.SecondPersonName] = Scenario.SecondPersonId };
        var failures = new List<string>();
        var shown = new HashSet<MatrixEndpoint>();
        var checkedResponses = 0;
        var requests = 0;
        foreach (var cell in Cells().Where(c => !c.Mismatched && (!c.Endpoint.IsWrite || c.Body.IsRead)))
        {
            foreach (var reader in readers)
            {
                var response = await SendAsync(reader, cell, null);
                requests++;
                if ((int)response.Status is < 200 or >= 300)
                {
                    continue;
                }

                shown.Add(cell.Endpoint);
                var persons = people.Where(p => response.Shows(Scenario[p.Key])).Select(p => p.Value).Concat(cell.People).ToHashSet();
                var rows = await Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.CorrelationId == response.CorrelationId)
                    .Select(a => new { a.PersonId, a.RecordType, a.RecordId, a.Action, a.Outcome }).ToListAsync());
                var where = $"{cell} as {reader}";
                foreach (var person in persons)
                {
                    var count = rows.Count(r => r.PersonId == person);
                    if (count == 0 || (cell.People.Count == 0 && count != 1))
                    {
                        failures.Add($"{where}: shows {(person == Scenario.PersonId ? "the person" : "the second person")} with {count} read rows");
                    }
                }

                failures.AddRange(rows.Where(r => r.PersonId is { } p && !persons.Contains(p)).Select(r => $"{where}: a {r.Action} row for a person it does not show"));
                failures.AddRange(rows.Where(r => r.Outcome != AuditOutcome.Success).Select(r => $"{where}: a {r.Outcome} row"));
                failures.AddRange(rows.GroupBy(r => (r.RecordType, r.RecordId, r.Action)).Where(g => g.Count() > 1).Select(g => $"{where}: {g.Key.Action} of {g.Key.RecordType} recorded {g.Count()} times"));
                checkedResponses++;
                break;
            }
        }

        var unshown = fixture.Endpoints.Where(e => !e.IsWrite && e.Route.Parameters.Any(p => p.Name is "personId" or "referralId" or "episodeId") && !shown.Contains(e)).ToList();
        output.WriteLine($"READ AUDIT: {checkedResponses} responses showing people checked, {requests} requests, {failures.Count} failures ({clock.Elapsed.TotalSeconds:F1} s on {TestDatabase.Provider})");
        foreach (var failure in failures)
        {
            output.WriteLine("MISSING " + failure);
        }

        unshown.Select(e => e.ToString()).ShouldBeEmpty("routes naming a person's record that no identity allowed to see it could open");
        failures.ShouldBeEmpty();
    }

    /// <summary>Every cell of the matrix: each endpoint, each way the scenario fills its route, and the body its request carries.</summary>
    private List<MatrixCell> Cells()
    {
        var missing = new List<string>();
        var cells = fixture.Endpoints.SelectMany(e => AccessMatrixRoutes.Cells(e, Scenario.RouteFills, missing)).Select(c => c with { Body = BodyFor(c.Endpoint) }).ToList();
        missing.ShouldBeEmpty("route values the scenario cannot fill: add that kind of record to AccessScenario");
        return cells;
    }

    /// <summary>Requests that say more than their route: searches for the person's name, a merge and API calls naming the scenario's records.</summary>
    private MatrixRequestBody BodyFor(MatrixEndpoint endpoint)
    {
        var person = Scenario.PersonId.ToString("D");
        return (endpoint.Verb, endpoint.Pattern.TrimEnd('/')) switch
        {
            ("POST", "/people") => new(Form: new Dictionary<string, string> { ["Input.Name"] = Scenario[Marker.PersonName] }, IsRead: true, FollowsRedirect: true),
            ("POST", "/people/organisation") => new(Form: new Dictionary<string, string> { ["Input.Name"] = Scenario[Marker.PersonName] }, IsRead: true, FollowsRedirect: true),
            ("POST", "/audit") => new(Form: new Dictionary<string, string> { ["Filter.Person"] = Scenario[Marker.PersonName] }, IsRead: true, FollowsRedirect: true),
            ("POST", "/people/merge") => new(
                Form: new Dictionary<string, string>
                {
                    ["Input.KeepPersonId"] = Scenario.OutsidePersonId.ToString("D"),
                    ["Input.MergePersonId"] = person,
                    ["Input.Reason"] = "The same person",
                    ["Input.Confirmed"] = "true",
                },
                NamesCareRecords: true),
            ("POST", "/api/v1/referrals") => new(Content: () => ReferralSubmission(person), NamesCareRecords: true),
            ("POST", "/api/v1/episodes/{episodeId:guid}/contacts") => new(Content: () => JsonContent.Create(new
            {
                occurredAt = Factory.Clock.GetUtcNow().AddDays(-1),
                durationMinutes = 30,
                mode = "Phone",
                strandId = Scenario.Episode.Strands[0].ServiceStrandId,
                attendance = "Attended",
                interventions = new[] { "safety-planning" },
                pathways = new[] { "health" },
                note = "Recorded through the API",
                noteRestricted = false,
                isReengagementAttempt = false,
            })),
            _ => new(),
        };
    }

    private MultipartFormDataContent ReferralSubmission(string person)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(person), "personId" },
            { new StringContent(Scenario.Service.Id.ToString("D")), "serviceId" },
            { new StringContent(nameof(ReferralSource.Probation)), "source" },
            { new StringContent("Needs support after release"), "reason" },
            { new StringContent("Community"), "personSetting" },
            { new StringContent(nameof(SharingBasis.PublicTask)), "sharingBasis" },
        };
        return content;
    }

    private const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook's cells as text, so that a marker in an exported sheet is seen as shown.</summary>
    private static string XlsxText(byte[] workbook)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        return string.Join("\n", document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()).Select(c => c.InnerText));
    }

    private static async Task<MatrixResponse> SendAsync(MatrixIdentity identity, MatrixCell cell, IReadOnlyDictionary<string, string>? harvested)
    {
        using var request = new HttpRequestMessage(new HttpMethod(cell.Endpoint.Verb), new Uri(cell.Url, UriKind.Relative));
        var sent = new List<string>();
        if (cell.Endpoint.IsWrite)
        {
            if (cell.Body.Content is { } content)
            {
                request.Content = content();
            }
            else
            {
                var fields = new Dictionary<string, string>(cell.Body.Form ?? harvested ?? new Dictionary<string, string>());
                if (identity.FormToken is { } token)
                {
                    fields["__RequestVerificationToken"] = token;
                }

                request.Content = new FormUrlEncodedContent(fields);
                sent.AddRange(fields.Values.Where(v => v.Length >= 6));
            }
        }

        var response = await identity.Client.SendAsync(request);
        if (cell.Body.FollowsRedirect && response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } results
            && results.StartsWith(cell.Path + "?", StringComparison.Ordinal))
        {
            response.Dispose();
            response = await identity.Client.GetAsync(new Uri(results, UriKind.Relative));
        }

        using var answered = response;
        var body = response.Content.Headers.ContentType?.MediaType == XlsxMediaType
            ? XlsxText(await response.Content.ReadAsByteArrayAsync())
            : await response.Content.ReadAsStringAsync();

        // A form shows back what was typed into it: the identity's own words are not a record it was shown.
        var shown = sent.Aggregate(body, (text, value) => text.Replace($"value=\"{HtmlEncoder.Default.Encode(value)}\"", "value=\"\"", StringComparison.Ordinal));
        var headers = string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
        var correlation = response.Headers.TryGetValues("X-Correlation-Id", out var values) ? values.Single() : "";
        return new MatrixResponse(response.StatusCode, response.Headers.Location?.OriginalString, body, headers + "\n" + shown, correlation);
    }

    /// <summary>Adds the cell's leaks for this identity; notes the markers it was allowed to see and did.</summary>
    private void Judge(MatrixIdentity identity, MatrixCell cell, MatrixResponse response, MatrixRun run)
    {
        var where = $"{cell} as {identity}";
        var expect = identity.Expect(cell);
        var leaks = new List<string>();
        if ((int)response.Status >= 500)
        {
            leaks.Add($"{where}: server error {(int)response.Status}");
        }
        else if (expect == Expect.Refused && response.Succeeded)
        {
            leaks.Add($"{where}: answered {(int)response.Status}{(response.Location is null ? "" : " to " + response.Location)} where it must refuse");
        }
        else if (expect == Expect.NotFound && response.Status != HttpStatusCode.NotFound)
        {
            leaks.Add($"{where}: answered {(int)response.Status}{(response.Location is null ? "" : " to " + response.Location)}, not 404");
        }

        var shown = Enum.GetValues<Marker>().Where(m => response.Shows(Scenario[m])).ToList();
        leaks.AddRange(shown.Where(identity.Forbidden.Contains).Select(m => $"{where}: showed the {m} marker"));
        run.Record(identity, cell, response, leaks, response.Succeeded ? shown.Where(m => !identity.Forbidden.Contains(m)) : []);
    }

    /// <summary>What the matrix found, gathered from requests running side by side.</summary>
    private sealed class MatrixRun
    {
        private readonly Lock _lock = new();
        private readonly List<string> _leaks = [];
        private readonly HashSet<Marker> _seen = [];
        private readonly HashSet<MatrixEndpoint> _answered = [];
        private readonly List<(string Identity, HttpStatusCode Status)> _statuses = [];

        public System.Collections.Concurrent.ConcurrentDictionary<string, (string Html, string Path)> Forms { get; } = new();

        public int Requests
        {
            get
            {
                lock (_lock)
                {
                    return _statuses.Count;
                }
            }
        }

        public IReadOnlyList<string> Leaks
        {
            get
            {
                lock (_lock)
                {
                    return [.. _leaks.Order(StringComparer.Ordinal)];
                }
            }
        }

        public IReadOnlySet<Marker> Seen
        {
            get
            {
                lock (_lock)
                {
                    return _seen.ToHashSet();
                }
            }
        }

        public IReadOnlySet<MatrixEndpoint> Answered
        {
            get
            {
                lock (_lock)
                {
                    return _answered.ToHashSet();
                }
            }
        }

        public void Record(MatrixIdentity identity, MatrixCell cell, MatrixResponse response, IEnumerable<string> leaks, IEnumerable<Marker> seen)
        {
            lock (_lock)
            {
                _statuses.Add((identity.Name, response.Status));
                _leaks.AddRange(leaks);
                _seen.UnionWith(seen);
                if (response.Succeeded && !cell.Mismatched)
                {
                    _answered.Add(cell.Endpoint);
                }
            }
        }

        public void Leak(IEnumerable<string> leaks)
        {
            lock (_lock)
            {
                _leaks.AddRange(leaks);
            }
        }

        public IEnumerable<(int Count, int Status)> Statuses(MatrixIdentity identity)
        {
            lock (_lock)
            {
                return _statuses.Where(s => s.Identity == identity.Name).GroupBy(s => (int)s.Status).OrderBy(g => g.Key).Select(g => (g.Count(), g.Key)).ToList();
            }
        }
    }
}
