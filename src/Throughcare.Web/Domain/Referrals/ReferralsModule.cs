using Throughcare.Web.Domain.Access;
using Throughcare.Web.Infrastructure.Storage;

namespace Throughcare.Web.Domain.Referrals;

public static class ReferralsModule
{
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddSingleton<DocumentSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<DocumentSweeper>());
        return services.AddScoped<ReferralService>().AddRecordAccess<ReferralAccess>();
    }
}
