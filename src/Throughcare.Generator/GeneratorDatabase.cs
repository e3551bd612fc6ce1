using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;

namespace Throughcare.Generator;

/// <summary>
/// The application's own database registration (provider, connection settings, the audit anchor store) and its own
/// migrations, so that the generated database has exactly the schema Throughcare makes.
/// </summary>
public sealed class GeneratorDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private GeneratorDatabase(ServiceProvider services)
    {
        _services = services;
        _scope = services.CreateAsyncScope();
        _scope.ServiceProvider.GetRequiredService<AccessScope>().AsSystem();
        Db = _scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();
    }

    public ThroughcareDbContext Db { get; }

    public AuditAnchorStore Anchors => _services.GetRequiredService<AuditAnchorStore>();

    /// <summary>Opens the database and applies the application's migrations (creating the database if it does not exist).</summary>
    public static async Task<GeneratorDatabase> OpenAsync(DatabaseProvider provider, string connectionString, string dataDirectory, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Throughcare"] = connectionString,
            ["Throughcare:DataDirectory"] = dataDirectory,
        }).Build();
        var environment = new HostingEnvironment { EnvironmentName = "Production", ContentRootPath = Directory.GetCurrentDirectory() };
        var services = new ServiceCollection().AddHttpContextAccessor().AddScoped<CurrentUser>().AddLogging().AddSingleton(TimeProvider.System)
            .AddThroughcareDatabase(configuration, environment).BuildServiceProvider();
        var database = new GeneratorDatabase(services);

        // Migrating is not a request: the application's budget of seconds for a command does not apply.
        database.Db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await database.Db.Database.MigrateAsync(cancellationToken);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}
