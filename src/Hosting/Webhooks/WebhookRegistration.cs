using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseGrains.Hosting.Webhooks;

/// <summary>Registers the webhook dispatcher, its options and its HTTP client. The dispatcher's store
/// (<c>IWebhookStore</c>) and notification feed (<c>INotificationFeed</c>) are registered with the other stores
/// (<see cref="StorageRegistration"/>).</summary>
public static class WebhookRegistration
{
    /// <summary>The environment in which, besides Development, plain-HTTP webhook addresses are allowed by default.</summary>
    public const string TestingEnvironment = "Testing";

    public static IServiceCollection AddCaseGrainsWebhooks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(WebhookOptions.Section);
        services.AddOptions<WebhookOptions>()
            .Bind(section)
            .PostConfigure(o => o.AllowInsecureHttp ??= environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment))
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Webhooks:PollInterval must be positive.")
            .Validate(o => o.InitialRetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.InitialRetryDelay,
                "Webhooks:InitialRetryDelay must be positive and Webhooks:MaxRetryDelay at least as long.")
            .Validate(o => o.MaxAttempts >= 1, "Webhooks:MaxAttempts must be at least 1.")
            .Validate(o => o.RetryJitter is >= 0 and < 1, "Webhooks:RetryJitter must be a fraction from 0 up to (not including) 1.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero, "Webhooks:AttemptTimeout must be positive.")
            .Validate(o => o.MaxConcurrentAttempts >= 1 && o.FeedBatchSize >= 1, "Webhooks:MaxConcurrentAttempts and Webhooks:FeedBatchSize must be at least 1.")
            .ValidateOnStart();

        services.AddHttpClient(WebhookDispatcher.HttpClientName, client =>
            {
                // The dispatcher's own timeout (on the platform's clock) bounds each attempt.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("CaseGrains-Webhooks/1");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirect is an answer that is not 2xx: the subscription's address is the one an administrator chose.
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })

            // The factory's loggers write every request's address, which may carry a receiver's token.
            .RemoveAllLoggers();

        services.AddSingleton<WebhookDispatcher>();
        if (section.GetValue(nameof(WebhookOptions.Enabled), defaultValue: true))
        {
            services.AddHostedService(provider => provider.GetRequiredService<WebhookDispatcher>());
        }

        return services;
    }
}
