using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Tests.Api;
using Throughcare.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Throughcare.Tests.Platform;

/// <summary>A host whose PostgreSQL connections pass through a relay the test can break.</summary>
public sealed class RelayedDatabaseFactory : ThroughcareFactory
{
    public TcpRelay? Relay { get; } = TestDatabase.IsPostgres ? RelayTo(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)!) : null;

    private static TcpRelay RelayTo(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        return new TcpRelay(target.Host!, target.Port);
    }

    protected override IDictionary<string, string?> Settings => Relay is null
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?>
        {
            ["ConnectionStrings:Throughcare"] = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = Relay.Port }.ConnectionString,
        };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Relay is not null)
        {
            await Relay.DisposeAsync();
        }
    }
}

/// <summary>
/// The database down, hung, locked or gone: every page and API call answers 503 with Retry-After within the request's
/// budget (never a 500 or an empty page), readiness says so, liveness does not, and the service recovers by itself.
/// </summary>
public sealed class DatabaseFaultTests(RelayedDatabaseFactory factory, ITestOutputHelper output) : IClassFixture<RelayedDatabaseFactory>
{
    // Each command has 4 seconds and a connection 3 (DatabaseSetup); a request that took longer would be waiting on
    // the database without a bound, which these faults used to show as 15 to 60 seconds before a 500.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private sealed record Client(Browser Browser, HttpClient Api, Guid PersonId);

    private async Task<Client> SignInAsync()
    {
        var data = new TestData(factory);
        var user = await data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await data.CreatePersonAsync(user.OrganisationId);
        var api = await EpisodesApiTests.ClientForAsync(factory, user.OrganisationId);
        return new Client(await Browser.SignInAsync(factory, user), api, personId);
    }

    [Fact]
    public async Task WriteLockHeld_PagesApiAndReadinessAnswer503WithRetryAfter_AndRecoverWhenReleased()
    {
        var client = await SignInAsync();
        await AssertServingAsync(client);

        // PostgreSQL: another session holds LOCK TABLE on the audit trail every page writes; SQLite: another
        // connection holds the database's write lock.
        await using (var holder = await HoldWriteLockAsync())
        {
            await AssertUnavailableAsync(client, "write lock held");
        }

        await AssertServingAsync(client);
    }

    [Fact]
    public async Task DatabaseGoneThenHung_PagesApiAndReadinessAnswer503WithRetryAfter_AndRecoverWithoutARestart()
    {
        var client = await SignInAsync();
        await AssertServingAsync(client);

        if (factory.Relay is { } relay)
        {
            relay.Set(TcpRelay.Mode.Down);
            await AssertUnavailableAsync(client, "database stopped");
            relay.Set(TcpRelay.Mode.Hung);
            await AssertUnavailableAsync(client, "database hung");
            relay.Set(TcpRelay.Mode.Relay);
        }
        else
        {
            // The embedded database's files vanish (a volume unmounted): new connections cannot open them.
            var directory = factory.Database.DataDirectory;
            var away = directory + ".away";
            SqliteConnection.ClearAllPools();
            Directory.Move(directory, away);
            try
            {
                await AssertUnavailableAsync(client, "database files gone");
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                Directory.Move(away, directory);
            }
        }

        await AssertServingAsync(client);
    }

    /// <summary>
    /// The page and readiness answer 200 again, by themselves: a pooled connection the fault cut may still fail the
    /// first request after it (503, and it is dropped), so the service is given a few seconds to come back.
    /// </summary>
    private async Task AssertServingAsync(Client client)
    {
        var page = HttpStatusCode.ServiceUnavailable;
        var ready = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 40 && (page != HttpStatusCode.OK || ready != HttpStatusCode.OK); attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(250);
            }

            page = (await client.Browser.GetAsync($"/people/{client.PersonId}")).Status;
            ready = (await Anonymous().GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode;
            page.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable], "recovering, the page is either served or unavailable");
        }

        page.ShouldBe(HttpStatusCode.OK);
        ready.ShouldBe(HttpStatusCode.OK);
    }

    private async Task AssertUnavailableAsync(Client client, string fault)
    {
        var clock = Stopwatch.StartNew();
        var page = await client.Browser.GetAsync($"/people/{client.PersonId}");
        var pageTook = clock.Elapsed;
        page.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, $"{fault}: the person page");
        page.Document.Heading().ShouldBe("Sorry, the service is unavailable");
        page.Response.Headers.RetryAfter.ShouldNotBeNull($"{fault}: Retry-After on the page");

        clock.Restart();
        var api = await client.Api.GetAsync(new Uri($"/api/v1/referrals/{Guid.NewGuid()}", UriKind.Relative));
        var apiTook = clock.Elapsed;
        api.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, $"{fault}: the API: {await api.Content.ReadAsStringAsync()}");
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", await api.Content.ReadAsStringAsync());
        api.Headers.RetryAfter.ShouldNotBeNull($"{fault}: Retry-After on the API");

        clock.Restart();
        var ready = await Anonymous().GetAsync(new Uri("/health/ready", UriKind.Relative));
        var readyTook = clock.Elapsed;
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, $"{fault}: readiness");
        (await Anonymous().GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, $"{fault}: liveness");

        output.WriteLine($"{fault}: page {pageTook.TotalSeconds:F1} s, API {apiTook.TotalSeconds:F1} s, readiness {readyTook.TotalSeconds:F1} s");
        foreach (var took in new[] { pageTook, apiTook, readyTook })
        {
            took.ShouldBeLessThan(Bound, $"{fault}: answered only after {took.TotalSeconds:F1} s");
        }
    }

    private HttpClient Anonymous() => factory.CreateBrowser();

    /// <summary>A second connection holding the lock a write needs, until disposed.</summary>
    private async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        if (TestDatabase.IsPostgres)
        {
            var connection = new NpgsqlConnection(factory.Database.ConnectionString);
            await connection.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand("""LOCK TABLE "AuditEvents" IN ACCESS EXCLUSIVE MODE""", connection, transaction);
            await command.ExecuteNonQueryAsync();
            return new Held(async () =>
            {
                await transaction.RollbackAsync();
                await connection.DisposeAsync();
            });
        }

        var sqlite = new SqliteConnection(factory.Database.ConnectionString + ";Pooling=False");
        await sqlite.OpenAsync();
        await using (var begin = new SqliteCommand("BEGIN IMMEDIATE", sqlite))
        {
            await begin.ExecuteNonQueryAsync();
        }

        return new Held(async () =>
        {
            await using (var rollback = new SqliteCommand("ROLLBACK", sqlite))
            {
                await rollback.ExecuteNonQueryAsync();
            }

            await sqlite.DisposeAsync();
        });
    }

    private sealed class Held(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }
}
