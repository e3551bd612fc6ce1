using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Tests.Api;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Episodes;
using Throughcare.Web.Infrastructure;
using Xunit.Abstractions;

namespace Throughcare.Tests.Platform;

/// <summary>
/// A small round of the crash test: Throughcare runs as its own process, partner systems record contacts through the
/// API side by side, and the process is killed with SIGKILL mid-write. Every write it acknowledged must be there after
/// the crash, once, with the audit chain intact, and the service must start again on what it left.
/// </summary>
[LongRunning]
public sealed class CrashSafetyTests(ThroughcareFactory factory, ITestOutputHelper output) : IClassFixture<ThroughcareFactory>
{
    private const int Writers = 4;
    private const int AcknowledgedBeforeKill = 150;

    [Fact]
    public async Task KilledMidWrite_EveryAcknowledgedContactIsKeptOnce_AndTheAuditChainVerifies()
    {
        // One episode per client: contacts recorded on one episode at the same moment take turns (409), which would
        // make the round slower without testing more.
        var data = new EpisodeTestData(factory);
        var writers = new List<(EpisodeScenario Scenario, System.Net.Http.Headers.AuthenticationHeaderValue Token)>();
        for (var i = 0; i < Writers; i++)
        {
            var own = await data.CreateScenarioAsync();
            using var authorised = await EpisodesApiTests.ClientForAsync(factory, own.Service.OrganisationId);
            writers.Add((own, authorised.DefaultRequestHeaders.Authorization!));
        }

        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var sent = 0;
        var answers = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        using (var node = await ServiceProcess.StartAsync(factory))
        {
            var started = clock.Elapsed;
            using var stop = new CancellationTokenSource();
            var running = writers.Select(writer => Task.Run(async () =>
            {
                var own = writer.Scenario;
                using var client = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(30) };
                client.DefaultRequestHeaders.Authorization = writer.Token;
                while (!stop.IsCancellationRequested)
                {
                    var key = Guid.NewGuid().ToString();
                    Interlocked.Increment(ref sent);
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/episodes/{own.Episode.Id}/contacts") { Content = JsonContent.Create(Contact(own)) };
                        request.Headers.Add("Idempotency-Key", key);
                        using var response = await client.SendAsync(request, CancellationToken.None);
                        answers.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var created = await response.Content.ReadFromJsonAsync<Throughcare.Web.Api.ContactCreated>();
                            acknowledged[created!.Id] = key;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // The process died under this request: it was never acknowledged.
                        return;
                    }
                }
            })).ToList();

            var waited = Stopwatch.StartNew();
            while (acknowledged.Count < AcknowledgedBeforeKill && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20);
            }

            output.WriteLine($"started in {started.TotalSeconds:F1} s, killed after {clock.Elapsed.TotalSeconds:F1} s; answers {string.Join(", ", answers.Select(a => $"{a.Key}: {a.Value}"))}");
            node.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(running);
        }

        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(AcknowledgedBeforeKill, "the round made too few writes to mean anything");

        // What the killed process acknowledged is all there, each once.
        var ids = acknowledged.Keys.ToList();
        var episodes = writers.Select(w => w.Scenario.Episode.Id).ToList();
        var kept = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => episodes.Contains(c.EpisodeId))
            .Select(c => new { c.Id, c.SubmissionId }).ToListAsync());
        var lost = ids.Except(kept.Select(c => c.Id)).ToList();
        lost.ShouldBeEmpty($"{lost.Count} of {ids.Count} acknowledged contacts were lost");
        kept.GroupBy(c => c.SubmissionId).Where(g => g.Count() > 1).ShouldBeEmpty("a submission was recorded twice");

        var audit = await factory.WithDbAsync(db => MaintenanceCommands.VerifyAuditTrailAsync(db, factory.Services.GetRequiredService<AuditAnchorStore>(), CancellationToken.None));
        audit.Intact.ShouldBeTrue($"audit trail after the crash: break at {audit.FirstBreak}, {audit.AnchorProblem}");

        // The service starts again on what the crash left, and takes a write.
        using (var restarted = await ServiceProcess.StartAsync(factory))
        {
            var (scenario, token) = writers[0];
            using var client = new HttpClient { BaseAddress = restarted.Address };
            client.DefaultRequestHeaders.Authorization = token;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/episodes/{scenario.Episode.Id}/contacts") { Content = JsonContent.Create(Contact(scenario)) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        output.WriteLine($"{TestDatabase.Provider}: {sent} writes sent by {Writers} clients, {ids.Count} acknowledged before SIGKILL, 0 lost, " +
            $"{kept.Count - ids.Count} committed but unacknowledged, audit chain of {audit.Count} rows intact");
    }

    // Dated from the test clock's start, which the real clock running the process is past: in the past, after the
    // episode started.
    private static object Contact(EpisodeScenario scenario) => ContactTestData.ApiContact(scenario, TestTime.Start.AddDays(1), durationMinutes: 30);

    /// <summary>Throughcare as built, in a process of its own on the test's database, on a free loopback port.</summary>
    private sealed class ServiceProcess : IDisposable
    {
        private readonly Process _process;

        private ServiceProcess(Process process, Uri address)
        {
            _process = process;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<ServiceProcess> StartAsync(ThroughcareFactory factory)
        {
            var testBin = AppContext.BaseDirectory;
            var configuration = new DirectoryInfo(testBin).Parent!.Name;
            var web = Path.Combine(SourceRoot(testBin), "src", "Throughcare.Web");
            var dll = Path.Combine(web, "bin", configuration, "net10.0", "Throughcare.Web.dll");
            var address = new Uri($"http://127.0.0.1:{FreePort()}");
            var start = new ProcessStartInfo("dotnet", [dll, "--urls", address.ToString(), "--contentRoot", web])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = Throughcare.Web.Infrastructure.ThroughcareHost.TestingEnvironment;
            start.Environment["Database__Provider"] = TestDatabase.Provider;
            start.Environment["ConnectionStrings__Throughcare"] = factory.Database.ConnectionString;
            start.Environment["Throughcare__DataDirectory"] = factory.Database.DataDirectory;
            start.Environment["Throughcare__PasswordIterations"] = "1000";
            start.Environment["Throughcare__Demo__Enabled"] = "false";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(90))
            {
                process.HasExited.ShouldBeFalse($"Throughcare exited with {(process.HasExited ? process.ExitCode : 0)} at start-up");
                try
                {
                    if ((await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                    {
                        return new ServiceProcess(process, address);
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Not answering yet.
                }

                await Task.Delay(100);
            }

            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Throughcare did not become ready within 90 seconds.");
        }

        /// <summary>SIGKILL: no shutdown, no flushing, as a power cut or the kernel's out-of-memory killer ends it.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Kill();
            }

            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static string SourceRoot(string from)
        {
            for (var directory = new DirectoryInfo(from); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Throughcare.slnx")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Throughcare.slnx was not found above " + from);
        }
    }
}
