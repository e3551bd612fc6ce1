namespace Throughcare.Core.Domain.Accounts;

public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services) =>
        services.AddScoped<AdministrationScope>().AddScoped<UserAdministration>().AddScoped<OwnAccount>();
}
