using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Domain.Access;
using CaseGrains.Grains.Supervision;
using CaseGrains.Persistence.Reminders;
using Microsoft.Extensions.DependencyInjection;
using CaseGrains.TestSupport;

namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>A fresh database and a gateway on it, for one test class. <see cref="RestartAsync"/> stops the
/// gateway and its silo and starts new ones on the same database, as after a crash or a deployment.
/// <see cref="Clock"/> is the server's clock; it runs in real time unless a test moves it forward.</summary>
public sealed class PostgresGateway : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?>? settings;

    public PostgresGateway()
        : this(settings: null)
    {
    }

    /// <summary>A gateway with extra configuration (e.g. rate limits), for fixtures that hold one.</summary>
    internal PostgresGateway(IReadOnlyDictionary<string, string?>? settings) => this.settings = settings;

    public PostgresDatabase Database { get; private set; } = null!;

    public GatewayFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public TravellingClock Clock { get; } = new();

    /// <summary>A client for one user; by default the head of the Dadong body, who may do everything an officer may and approve.</summary>
    public CaseClient Cases(string userId = Actors.HeadUser, string organisationId = Actors.DadongBody, Role role = Role.BodyHead) => new(() => Client, userId, organisationId, role);

    /// <summary>A client for <paramref name="who"/>.</summary>
    public CaseClient As(Who who) => Cases(who.UserId, who.OrganisationId, who.Role);

    public async Task InitializeAsync()
    {
        Database = await PostgresDatabase.CreateAsync(migrate: false);
        Start();
    }

    /// <summary>Runs every deadline scheduler partition once, as their timers would (the factory keeps them from waking
    /// on their own, so that tests decide when reminders fire).</summary>
    public Task TickSchedulerAsync()
    {
        var grains = Factory.Services.GetRequiredService<IGrainFactory>();
        return Task.WhenAll(Enumerable.Range(0, ReminderPartitions.Count).Select(p => grains.GetGrain<IDeadlineSchedulerGrain>(p).Tick()));
    }

    /// <summary>Completes when the findings that commits have started delivering have reached their agencies (they are
    /// delivered after the decision's answer).</summary>
    public Task DeliveredAsync() => Factory.Services.GetRequiredService<BackgroundDelivery>().WhenIdleAsync();

    public async Task RestartAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Start();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    private void Start()
    {
        Factory = new GatewayFactory(Database.ConnectionString, Clock, settings);
        Client = Factory.CreateClient();
    }
}
