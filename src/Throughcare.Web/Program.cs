using Throughcare.Web.Infrastructure;
using Throughcare.Web.Infrastructure.Database;

var builder = WebApplication.CreateBuilder(args);
builder.AddThroughcare();

var app = builder.Build();
if (args.Contains("verify-audit"))
{
    return await MaintenanceCommands.VerifyAuditAsync(app.Services, Console.Out, Console.Error);
}

await app.PrepareDatabaseAsync();
app.UseThroughcare();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
