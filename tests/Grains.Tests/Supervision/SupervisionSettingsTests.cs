using CaseGrains.Grains.Supervision;
using CaseGrains.Grains.Tests.Support;
using CaseGrains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CaseGrains.Grains.Tests.Supervision;

/// <summary>A silo refuses supervision settings that cannot work, naming the setting, before anything uses them.</summary>
public sealed class SupervisionSettingsTests
{
    [Theory]
    [InlineData("Supervision:NoticeDays", "0")]
    [InlineData("Supervision:NoticeDays", "366")]
    [InlineData("Supervision:RelayBatchSize", "0")]
    [InlineData("Supervision:RelayInterval", "00:00:00")]
    [InlineData("Supervision:DeliveriesInFlight", "0")]
    public void Settings_that_cannot_work_are_refused_naming_the_setting(string key, string value)
    {
        using var host = Silo(new() { [key] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SupervisionOptions>>().Value);
        Assert.Contains(key.Split(':')[1], refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_taken()
    {
        using var host = Silo([]);

        var options = host.Services.GetRequiredService<IOptions<SupervisionOptions>>().Value;
        Assert.Equal(1_000, options.DeliveriesInFlight);
        Assert.True(options.DeliverAtOnce);
    }

    /// <summary>An embedded-default silo's host, built but not started.</summary>
    private static IHost Silo(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCaseGrainsSiloHost(new PlatformOptions { PersonalDataKey = Samples.PersonalDataKey });
        return builder.Build();
    }
}
