namespace Throughcare.Core.Domain.Appointments;

/// <summary>Reminders to the person, the reminder preference they gave, and each worker's calendar feed.</summary>
public static class RemindersModule
{
    public static IServiceCollection AddAppointmentReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReminderOptions>(configuration.GetSection(ReminderOptions.Section));
        services.AddScoped<ReminderPreferences>();
        services.AddScoped<CalendarFeeds>();
        services.AddSingleton<AppointmentReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<AppointmentReminderService>());
        return services;
    }
}
