namespace Throughcare.Core.Domain.Organisations;

public static class OrganisationsModule
{
    public static IServiceCollection AddOrganisations(this IServiceCollection services) => services.AddScoped<OrganisationService>();
}
