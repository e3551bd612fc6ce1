using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddThroughcare();

var app = builder.Build();
if (args.Contains("verify-audit"))
{
    return await MaintenanceCommands.VerifyAuditAsync(app.Services, Console.Out, Console.Error);
}

try
{
    await app.PrepareDatabaseAsync();
}
catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
{
    // Unreachable, read-only or full: one clear line for the operator (and the supervisor restarts the service).
    app.Logger.LogCritical(e, "Throughcare cannot start: the database cannot be reached or written ({Reason}).", e.GetBaseException().Message);
    return 3;
}

app.UseThroughcare();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
