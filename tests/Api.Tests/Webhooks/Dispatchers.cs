using CaseGrains.Domain.Time;
using CaseGrains.Hosting.Webhooks;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;

namespace CaseGrains.Api.Tests.Webhooks;

/// <summary>
/// Webhook dispatchers as the platform registers them (<see cref="WebhookRegistration"/>: options, HTTP client without
/// redirects), over the store and feed a test gives, on a fake clock, with no background loop: tests drive each
/// round with <see cref="WebhookDispatcher.RunOnceAsync"/>. Retry jitter is off, so retries come exactly at the
/// schedule's times. With <see cref="CapturedLogs"/>, every log entry at every level goes there too. Disposing disposes
/// every dispatcher made.
/// </summary>
public sealed class Dispatchers : IAsyncDisposable
{
    private readonly List<ServiceProvider> providers = [];

    public WebhookDispatcher Create(IWebhookStore store, INotificationFeed feed, TimeProvider clock, Action<WebhookOptions>? configure = null, CapturedLogs? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:Enabled"] = "false",
            ["Webhooks:RetryJitter"] = "0",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(logging =>
            {
                if (logs is not null)
                {
                    logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
                }
            })
            .AddSingleton(new PlatformClock(clock))
            .AddSingleton(store)
            .AddSingleton(feed)
            .AddCaseGrainsWebhooks(configuration, new HostingEnvironment { EnvironmentName = WebhookRegistration.TestingEnvironment });
        if (configure is not null)
        {
            services.Configure(configure);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        providers.Add(provider);
        return provider.GetRequiredService<WebhookDispatcher>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }
    }
}
