using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Journeys;

namespace Throughcare.Core.Domain.Custody;

public static class CustodyModule
{
    /// <summary>Custody periods and the journey of milestones dated from them.</summary>
    public static IServiceCollection AddCustody(this IServiceCollection services) =>
        services.AddScoped<CustodyService>().AddScoped<JourneyService>().AddScoped<JourneyReader>().AddRecordAccess<CustodyAccess>().AddRecordAccess<MilestoneAccess>();
}
