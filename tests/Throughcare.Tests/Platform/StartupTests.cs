using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure;

namespace Throughcare.Tests.Platform;

/// <summary>A host starting on an empty database, so that start-up migrates it as on a first deployment.</summary>
public class NewDatabaseFactory() : ThroughcareFactory(TestDatabase.Empty(), ownsDatabase: true);

public sealed class UnsafeSqliteFactory : NewDatabaseFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:Sqlite:Synchronous"] = "NORMAL" };
}

public sealed class ProductionFactory : NewDatabaseFactory
{
    protected override string EnvironmentName => "Production";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Throughcare:PasswordIterations"] = null };
}

public sealed class WeakHashingFactory : NewDatabaseFactory
{
    protected override string EnvironmentName => "Production";
}

/// <summary>Another web node on the same database as a first one.</summary>
public sealed class SecondNodeFactory(TestDatabase database) : ThroughcareFactory(database, ownsDatabase: false);

public sealed class StartupTests
{
    [Fact]
    public void Startup_RefusesSqliteWithoutFullSynchronous()
    {
        if (TestDatabase.IsPostgres)
        {
            return;
        }

        using var factory = new UnsafeSqliteFactory();
        var error = Should.Throw<InvalidOperationException>(() => factory.CreateClient());
        error.Message.ShouldContain("Refusing to start: SQLite synchronous must be FULL");
    }

    [Fact]
    public async Task Production_HashesPasswordsWithAtLeast210000Iterations()
    {
        await using var factory = new ProductionFactory();
        factory.CreateClient();

        factory.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount.ShouldBeGreaterThanOrEqualTo(210_000);
    }

    [Fact]
    public void Production_RefusesWeakPasswordHashing()
    {
        using var factory = new WeakHashingFactory();
        Should.Throw<InvalidOperationException>(() => factory.CreateClient()).Message.ShouldContain("210000");
    }

    [Fact]
    public async Task TwoNodesStartingTogether_OnOneNewDatabase_BothServe()
    {
        using var database = TestDatabase.Empty();
        await using var first = new SecondNodeFactory(database);
        await using var second = new SecondNodeFactory(database);

        var clients = await Task.WhenAll(Task.Run(() => first.CreateBrowser()), Task.Run(() => second.CreateBrowser()));

        foreach (var client in clients)
        {
            (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var (applied, known) = await first.WithDbAsync(async db => ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));
        applied.ShouldBe(known);
        var roles = await first.WithDbAsync(db => db.Roles.CountAsync());
        roles.ShouldBe(Core.Domain.Accounts.StaffRoles.All.Count);
    }
}

public sealed class HealthTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Live_AndReady_AreHealthyAnonymously()
    {
        var client = factory.CreateBrowser();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task OpenApiDocument_IsServed()
    {
        var response = await factory.CreateBrowser().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        document.RootElement.GetProperty("openapi").GetString().ShouldNotBeNull().ShouldStartWith("3.");
    }

    [Fact]
    public async Task Responses_CarryOurOwnCorrelationId_WhateverTheCallerSends()
    {
        var client = factory.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-Id", "caller-1234");

        var supplied = await client.SendAsync(request);
        var generated = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        var ours = supplied.Headers.GetValues("X-Correlation-Id").Single();
        ours.ShouldNotBe("caller-1234");
        ours.ShouldMatch("^[0-9a-f]{32}$");
        generated.Headers.GetValues("X-Correlation-Id").Single().ShouldMatch("^[0-9a-f]{32}$");
        generated.Headers.GetValues("X-Correlation-Id").Single().ShouldNotBe(ours);
    }
}
