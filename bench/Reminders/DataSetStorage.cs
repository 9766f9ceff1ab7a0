using CaseGrains.Grains.PersonalData;
using CaseGrains.Hosting;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Organisations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseGrains.Bench.Reminders;

/// <summary>
/// The platform's own storage services on a data set's database, registered as a silo registers them
/// (<see cref="StorageRegistration.AddCaseGrainsStorage"/>) with the data set's personal-data key: the loader and the
/// checks read and write through the same classes the silo will.
/// </summary>
public sealed class DataSetStorage : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly PlatformOptions platform;

    public DataSetStorage(string connectionString, PersonalDataKey key)
    {
        platform = new PlatformOptions { PostgresConnectionString = connectionString, PersonalDataKey = key.ToBase64() };
        services = new ServiceCollection().AddCaseGrainsStorage(platform).BuildServiceProvider();
    }

    public NpgsqlDataSource DataSource => services.GetRequiredService<NpgsqlDataSource>();

    public ICaseStore Store => services.GetRequiredService<ICaseStore>();

    public IOrganisationDirectory Directory => services.GetRequiredService<IOrganisationDirectory>();

    public PersonalDataProtector Protector => services.GetRequiredService<PersonalDataProtector>();

    /// <summary>The schema and the demo directory, as every silo prepares them at start-up.</summary>
    public Task PrepareAsync() => services.PrepareStorageAsync(platform);

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
