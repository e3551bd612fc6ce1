using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.ReleaseLists;

namespace Throughcare.Core.Domain.Custody;

public static class CustodyModule
{
    /// <summary>Custody periods, the journey of milestones dated from them, and the boroughs' release lists.</summary>
    public static IServiceCollection AddCustody(this IServiceCollection services)
    {
        services.AddScoped<CustodyService>().AddScoped<JourneyService>().AddScoped<JourneyReader>().AddScoped<JourneyTemplates>().AddRecordAccess<CustodyAccess>().AddRecordAccess<MilestoneAccess>();
        services.AddScoped<ReleaseListReader>().AddScoped<ReleaseListService>();
        services.AddSingleton<ReleaseListSchedule>();
        services.AddSingleton<MilestoneReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<MilestoneReminderService>());
        services.AddHostedService(sp => sp.GetRequiredService<ReleaseListSchedule>());
        return services;
    }
}
