namespace CaseGrains.Api.Notifications;

/// <summary>The live stream's parts in the gateway: its settings, the in-process hub and the one feed poller.</summary>
public static class NotificationSetup
{
    public static IServiceCollection AddCaseGrainsNotificationStream(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationStreamOptions>()
            .Bind(configuration.GetSection(NotificationStreamOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<NotificationHub>();
        services.AddHostedService<NotificationPoller>();
        return services;
    }
}
