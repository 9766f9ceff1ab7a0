using CaseGrains.Domain.Access;

namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>The gateway in its embedded default: no connection string, everything in memory in one process.</summary>
public sealed class EmbeddedGateway : IAsyncLifetime
{
    public EmbeddedGateway()
        : this(settings: null)
    {
    }

    /// <summary>A gateway with extra configuration and another host environment, for tests that start their own.</summary>
    internal EmbeddedGateway(IReadOnlyDictionary<string, string?>? settings, string environment = "Testing") =>
        Factory = new(postgresConnectionString: null, settings: settings, environment: environment);

    public GatewayFactory Factory { get; }

    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client for one user; by default the head of the Dadong body, who may do everything an officer may and approve.</summary>
    public CaseClient Cases(string userId = Actors.HeadUser, string organisationId = Actors.DadongBody, Role role = Role.BodyHead) => new(() => Client, userId, organisationId, role);

    /// <summary>A client for <paramref name="who"/>.</summary>
    public CaseClient As(Who who) => Cases(who.UserId, who.OrganisationId, who.Role);

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
