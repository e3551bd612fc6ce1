using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Demo;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Episodes;

namespace Throughcare.Core.Infrastructure.Database;

/// <summary>Migrates, checks durability and seeds the demo partnership before the first request.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();

        // Requests have a budget of seconds for each command; migrating and seeding a large database take longer.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await MigrateExclusivelyAsync(db);
        await DatabaseSetup.VerifyDurabilityAsync(db, CancellationToken.None);
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>(), db);
        await scope.ServiceProvider.GetRequiredService<InstrumentCatalogueService>().SeedShippedAsync(CancellationToken.None);

        if (app.Configuration.GetValue<bool>("Throughcare:Demo:Enabled"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoPartnership>().SeedAsync(CancellationToken.None);
        }

        // A database that can be read but not written (a read-only file or mount, a full disk) would otherwise show
        // only as every save failing: say so once, plainly, at start-up.
        var probe = await DatabaseWriteProbe.TryWriteAsync(db, CancellationToken.None);
        if (probe is not null)
        {
            app.Logger.LogCritical("The database cannot be written: {Reason}. Throughcare will answer 503 until it can.", probe);
        }
    }

    private static readonly SemaphoreSlim MigrationLock = new(1, 1);

    /// <summary>
    /// Applies pending migrations with one node at a time: EF Core's own lock proved not to stop two nodes applying
    /// the same migration together, so PostgreSQL nodes also take an advisory lock on the migrating connection.
    /// </summary>
    private static async Task MigrateExclusivelyAsync(ThroughcareDbContext db)
    {
        await MigrationLock.WaitAsync();
        try
        {
            if (db is not PostgresThroughcareDbContext)
            {
                await db.Database.MigrateAsync();
                return;
            }

            await db.Database.OpenConnectionAsync();
            try
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})");
                try
                {
                    await db.Database.MigrateAsync();
                }
                finally
                {
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})");
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            MigrationLock.Release();
        }
    }

    private const long MigrationLockKey = 7_346_201_002;

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole<Guid>> roles, ThroughcareDbContext db)
    {
        foreach (var role in StaffRoles.All)
        {
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }

            try
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.NewGuid() });
            }
            catch (DbUpdateException)
            {
                // Another node starting at the same moment may have created it first.
                db.ChangeTracker.Clear();
                if (!await roles.RoleExistsAsync(role))
                {
                    throw;
                }
            }
        }
    }
}
