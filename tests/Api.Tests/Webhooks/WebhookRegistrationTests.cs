using CaseGrains.Api.Tests.Infrastructure;
using CaseGrains.Domain.Time;
using CaseGrains.Hosting;
using CaseGrains.Hosting.Webhooks;
using CaseGrains.Persistence.Memory;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Notifications;
using CaseGrains.Persistence.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace CaseGrains.Api.Tests.Webhooks;

/// <summary>How configuration shapes the dispatcher: on unless disabled, plain http only in Development and Testing
/// unless configured, and settings that cannot work stop the start; and the storage of either backend gives it all it
/// needs, the notification feed included.</summary>
public sealed class WebhookRegistrationTests
{
    private static ServiceProvider Build(string environment, Dictionary<string, string?>? settings = null) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(PlatformClock.RealTime)
            .AddSingleton<IWebhookStore, InMemoryWebhookStore>()
            .AddSingleton<INotificationFeed, TestNotificationFeed>()
            .AddCaseGrainsWebhooks(
                new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build(),
                new HostingEnvironment { EnvironmentName = environment })
            .BuildServiceProvider();

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Development", true)]
    [InlineData("Testing", true)]
    public void Plain_http_is_allowed_by_default_only_in_development_and_testing(string environment, bool allowed)
    {
        using var services = Build(environment);

        Assert.Equal(allowed, services.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowInsecureHttp);
    }

    [Fact]
    public void Configuration_decides_over_the_environment()
    {
        using var production = Build("Production", new() { ["Webhooks:AllowInsecureHttp"] = "true" });
        using var development = Build("Development", new() { ["Webhooks:AllowInsecureHttp"] = "false" });

        Assert.True(production.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowInsecureHttp);
        Assert.False(development.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowInsecureHttp);
    }

    [Fact]
    public void The_dispatcher_runs_in_the_background_unless_disabled()
    {
        using var enabled = Build("Production");
        using var disabled = Build("Production", new() { ["Webhooks:Enabled"] = "false" });

        Assert.IsType<WebhookDispatcher>(Assert.Single(enabled.GetServices<IHostedService>()));
        Assert.Empty(disabled.GetServices<IHostedService>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_storage_of_either_backend_provides_everything_the_dispatcher_needs(bool durable)
    {
        var platform = new PlatformOptions
        {
            // Never connected to: building the services opens no connection.
            PostgresConnectionString = durable ? "Host=127.0.0.1;Port=1;Username=nobody" : null,
            PersonalDataKey = TestKeys.PersonalDataKey,
        };
        using var services = new ServiceCollection()
            .AddLogging()
            .AddCaseGrainsStorage(platform)
            .AddCaseGrainsWebhooks(new ConfigurationBuilder().Build(), new HostingEnvironment { EnvironmentName = "Production" })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<WebhookDispatcher>(Assert.Single(services.GetServices<IHostedService>()));
        Assert.IsType(durable ? typeof(PostgresNotificationFeed) : typeof(InMemoryNotificationFeed), services.GetRequiredService<INotificationFeed>());
    }

    [Theory]
    [InlineData("Webhooks:MaxAttempts", "0")]
    [InlineData("Webhooks:InitialRetryDelay", "00:00:00")]
    [InlineData("Webhooks:MaxRetryDelay", "00:00:01")]
    [InlineData("Webhooks:RetryJitter", "1")]
    [InlineData("Webhooks:AttemptTimeout", "00:00:00")]
    [InlineData("Webhooks:PollInterval", "-00:00:01")]
    [InlineData("Webhooks:MaxConcurrentAttempts", "0")]
    [InlineData("Webhooks:FeedBatchSize", "0")]
    public void Settings_that_cannot_work_are_refused_naming_the_setting(string key, string value)
    {
        using var services = Build("Production", new() { [key] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WebhookOptions>>().Value);
        Assert.Contains(key.Split(':')[1], refused.Message, StringComparison.Ordinal);
    }
}
