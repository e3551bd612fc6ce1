using Throughcare.Core.Domain.Access;

namespace Throughcare.Core.Domain.Episodes;

public static class EpisodesModule
{
    public static IServiceCollection AddEpisodes(this IServiceCollection services)
    {
        services.AddScoped<EpisodeWork>();
        services.AddRecordAccess<EpisodeAccess>();

        // Each part of an episode has its own service here, named *Service.
        foreach (var type in typeof(EpisodesModule).Assembly.GetTypes()
                     .Where(t => t.Namespace == typeof(EpisodesModule).Namespace && t.Name.EndsWith("Service", StringComparison.Ordinal) && t is { IsClass: true, IsAbstract: false }
                     && !typeof(IHostedService).IsAssignableFrom(t)))
        {
            services.AddScoped(type);
        }

        services.AddSingleton<ReviewReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReviewReminderService>());
        return services;
    }
}
