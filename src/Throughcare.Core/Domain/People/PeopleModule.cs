using Throughcare.Core.Domain.Access;

namespace Throughcare.Core.Domain.People;

public static class PeopleModule
{
    public static IServiceCollection AddPeople(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CareRoleOptions>(configuration.GetSection("Throughcare:CareRoles"));
        return services.AddScoped<PersonService>().AddScoped<CareRoles>().AddScoped<OrganisationPeople>().AddRecordAccess<PersonAccess>();
    }
}
