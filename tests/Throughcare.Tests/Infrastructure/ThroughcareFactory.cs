using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Tests.Infrastructure;

/// <summary>
/// The real application, with its own database (a copy of the run's migrated template), on the test server. Each test
/// class gets one (IClassFixture) and each test makes its own organisations, users and people, so tests never depend
/// on each other's data.
/// </summary>
public class ThroughcareFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    public ThroughcareFactory()
        : this(TestDatabase.Migrated(), ownsDatabase: true)
    {
    }

    /// <summary>A host on a database of the test's choosing: an empty one to migrate, or one that several nodes share.</summary>
    protected ThroughcareFactory(TestDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    public FakeTimeProvider Clock { get; } = TestTime.NewClock();

    /// <summary>Now on this host's clock, as the application reads it (and moving it on a millisecond).</summary>
    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Today's date in the UK on this host's clock, as the application's pages see it.</summary>
    public DateOnly Today => Display.Today(Clock);

    public TestDatabase Database => _database;

    /// <summary>Settings a test class may override, such as a real sign-in rate limit.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual string EnvironmentName => ThroughcareHost.TestingEnvironment;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestDatabase.Provider,
            ["ConnectionStrings:Throughcare"] = _database.ConnectionString,
            ["Throughcare:DataDirectory"] = _database.DataDirectory,
            ["Throughcare:PasswordIterations"] = "1000",
            ["Throughcare:RateLimits:SignInPerMinute"] = "100000",
            ["Throughcare:Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
        if (ErrorLogFile.FromEnvironment() is { } errorLog)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(errorLog));
        }
    }

    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>Runs work against the database as a system task, outside any request.</summary>
    public async Task<T> WithDbAsync<T>(Func<ThroughcareDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().AsSystem();
        return await work(scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            _database.Dispose();
        }
    }
}
