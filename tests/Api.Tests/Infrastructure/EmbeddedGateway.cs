namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>The gateway in its embedded default: no connection string, everything in memory in one process.</summary>
public sealed class EmbeddedGateway : IAsyncLifetime
{
    public GatewayFactory Factory { get; } = new(postgresConnectionString: null);

    public HttpClient Client { get; private set; } = null!;

    public CaseClient Cases(string userId = Actors.OfficerUser, string organisationId = Actors.DadongBody) => new(() => Client, userId, organisationId);

    public Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
