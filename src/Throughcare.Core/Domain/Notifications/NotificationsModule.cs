namespace Throughcare.Core.Domain.Notifications;

public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Outbox>();
        services.Configure<EmailOptions>(configuration.GetSection("Throughcare:Email"));
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.Configure<NotifyOptions>(configuration.GetSection(NotifyOptions.Section));
        services.AddSingleton<NotifySender>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}
