namespace Throughcare.Core.Domain.Audit;

public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddSingleton<AuditAppender>().AddScoped<AuditLog>().AddScoped<ReadAudit>().AddScoped<AuditHistory>();
}
