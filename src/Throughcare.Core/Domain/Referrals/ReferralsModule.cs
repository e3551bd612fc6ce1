using Throughcare.Core.Domain.Access;
using Throughcare.Core.Infrastructure.Storage;

namespace Throughcare.Core.Domain.Referrals;

public static class ReferralsModule
{
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddSingleton<DocumentSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<DocumentSweeper>());
        return services.AddScoped<ReferralService>().AddRecordAccess<ReferralAccess>();
    }
}
