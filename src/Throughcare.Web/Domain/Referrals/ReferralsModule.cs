using Throughcare.Web.Domain.Access;

namespace Throughcare.Web.Domain.Referrals;

public static class ReferralsModule
{
    public static IServiceCollection AddReferrals(this IServiceCollection services) => services.AddScoped<ReferralService>().AddRecordAccess<ReferralAccess>();
}
