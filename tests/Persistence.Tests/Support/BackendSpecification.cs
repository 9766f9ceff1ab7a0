namespace CaseGrains.Persistence.Tests.Support;

/// <summary>A specification run against a fresh backend per test.</summary>
public abstract class BackendSpecification : IAsyncLifetime
{
    private IPersistenceBackend? backend;

    protected IPersistenceBackend Backend => backend ?? throw new InvalidOperationException("The backend is created in InitializeAsync.");

    public async Task InitializeAsync() => backend = await CreateBackendAsync();

    public async Task DisposeAsync()
    {
        if (backend is not null)
        {
            await backend.DisposeAsync();
        }
    }

    protected abstract Task<IPersistenceBackend> CreateBackendAsync();
}
