using CaseGrains.Api.Tests.Infrastructure;
using CaseGrains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseGrains.Api.Tests.Hosting;

/// <summary><c>Platform:Dashboard</c>: on by default (<see cref="ClusterAdministrationTests"/> is served the page); off,
/// the gateway has no <c>/dashboard/</c> and its silo runs none of the dashboard's services, so neither its
/// once-a-second metric reader nor its grain-call profiler; a gateway that is only a client adds none of them.</summary>
public sealed class DashboardSettingTests
{
    [Fact]
    public async Task By_default_the_silo_runs_the_dashboard_and_the_gateway_serves_it()
    {
        var gateway = await StartAsync(settings: null);
        try
        {
            Assert.Equal(200, (await gateway.As(Actors.Administrator).GetPathAsync("/dashboard/")).StatusCode);
            Assert.Contains(gateway.Factory.Services.GetServices<IHostedService>(), IsTheDashboards);
            Assert.Contains(gateway.Factory.Services.GetServices<IIncomingGrainCallFilter>(), IsTheDashboards);
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }

    [Fact]
    public async Task Switched_off_there_is_no_dashboard_page_and_the_silo_runs_none_of_its_services()
    {
        var gateway = await StartAsync(new Dictionary<string, string?> { ["Platform:Dashboard"] = "false" });
        try
        {
            Assert.Equal(404, (await gateway.As(Actors.Administrator).GetPathAsync("/dashboard/")).StatusCode);
            Assert.DoesNotContain(gateway.Factory.Services.GetServices<IHostedService>(), IsTheDashboards);
            Assert.DoesNotContain(gateway.Factory.Services.GetServices<IIncomingGrainCallFilter>(), IsTheDashboards);

            var officer = gateway.As(Actors.DadongOfficer);
            var received = await officer.ReceivedAsync(Applications.TrafficFine("无仪表盘"));
            Assert.Equal(200, (await officer.GetPathAsync($"/api/v1/cases/{received.Id}")).StatusCode);
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_gateway_that_is_only_a_client_adds_the_dashboards_services_only_when_the_setting_is_on(bool dashboard)
    {
        var services = new ServiceCollection();
        services.AddOrleansClient(client => client.ConfigureCaseGrainsClient(new PlatformOptions { Dashboard = dashboard }));

        Assert.Equal(dashboard, services.Any(d => IsTheDashboards(d.ServiceType) || (d.ImplementationType is { } type && IsTheDashboards(type))));
    }

    private static bool IsTheDashboards(Type type) => type.Namespace?.StartsWith("Orleans.Dashboard", StringComparison.Ordinal) == true;

    private static bool IsTheDashboards(object service) => IsTheDashboards(service.GetType());

    private static async Task<EmbeddedGateway> StartAsync(IReadOnlyDictionary<string, string?>? settings)
    {
        var gateway = new EmbeddedGateway(settings);
        await gateway.InitializeAsync();
        return gateway;
    }
}
