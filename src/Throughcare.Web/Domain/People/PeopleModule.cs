using Throughcare.Web.Domain.Access;

namespace Throughcare.Web.Domain.People;

public static class PeopleModule
{
    public static IServiceCollection AddPeople(this IServiceCollection services) => services.AddScoped<PersonService>().AddRecordAccess<PersonAccess>();
}
