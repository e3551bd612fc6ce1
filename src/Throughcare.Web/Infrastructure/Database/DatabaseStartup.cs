using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Demo;
using Throughcare.Web.Domain.Accounts;

namespace Throughcare.Web.Infrastructure.Database;

/// <summary>Migrates, checks durability and seeds the demo partnership before the first request.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();

        // EF Core takes a database-wide migration lock, so several nodes starting together apply each migration once.
        await db.Database.MigrateAsync();
        await DatabaseSetup.VerifyDurabilityAsync(db, CancellationToken.None);
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>(), db);

        if (app.Configuration.GetValue<bool>("Throughcare:Demo:Enabled"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoPartnership>().SeedAsync(CancellationToken.None);
        }
    }

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
