namespace Throughcare.Core.Domain.Audit;

public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<AuditLog>().AddScoped<ReadAudit>().AddScoped<AuditHistory>();
}
