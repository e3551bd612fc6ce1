namespace Throughcare.Core.Domain.ReferenceData;

public static class ReferenceDataModule
{
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        services.AddSingleton<PathwayCache>();
        services.AddScoped<PathwayCatalogue>();
        services.AddScoped<PathwayAdministration>();
        return services;
    }
}
