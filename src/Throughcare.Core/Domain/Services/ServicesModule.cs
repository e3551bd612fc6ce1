namespace Throughcare.Core.Domain.Services;

public static class ServicesModule
{
    public static IServiceCollection AddServices(this IServiceCollection services) => services.AddScoped<ServiceAccess>().AddScoped<ServiceCatalogue>();
}
