using CaseGrains.TestSupport;

namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>A fresh database and a gateway on it, for one test class. <see cref="RestartAsync"/> stops the
/// gateway and its silo and starts new ones on the same database, as after a crash or a deployment.
/// <see cref="Clock"/> is the server's clock; it runs in real time unless a test moves it forward.</summary>
public sealed class PostgresGateway : IAsyncLifetime
{
    public PostgresDatabase Database { get; private set; } = null!;

    public GatewayFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public TravellingClock Clock { get; } = new();

    public CaseClient Cases(string userId = Actors.OfficerUser, string organisationId = Actors.DadongBody) => new(() => Client, userId, organisationId);

    public async Task InitializeAsync()
    {
        Database = await PostgresDatabase.CreateAsync(migrate: false);
        Start();
    }

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
        Factory = new GatewayFactory(Database.ConnectionString, Clock);
        Client = Factory.CreateClient();
    }
}
