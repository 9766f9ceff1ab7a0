using CaseGrains.Hosting;
using CaseGrains.TestSupport;
using Orleans.Configuration;

namespace CaseGrains.Grains.Tests.Support;

/// <summary>The embedded default: no connection string, so our stores and Orleans grain storage are in memory.</summary>
public sealed class InMemoryCaseCluster : CaseCluster
{
    protected override Task<PlatformOptions> CreatePlatformAsync() => Task.FromResult(new PlatformOptions { PersonalDataKey = Samples.PersonalDataKey });
}

/// <summary>
/// The durable platform on a fresh PostgreSQL database: our PostgreSQL stores, ADO.NET grain storage and
/// ADO.NET reminders. The database is dropped with the fixture.
/// </summary>
public class PostgresCaseCluster : CaseCluster
{
    private PostgresDatabase? database;

    public PostgresDatabase Database => database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    protected override async Task<PlatformOptions> CreatePlatformAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        return new PlatformOptions { PostgresConnectionString = database.ConnectionString, PersonalDataKey = Samples.PersonalDataKey };
    }

    protected override async Task DisposeBackendAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

/// <summary>
/// Two silos on one PostgreSQL database, with failure detection tuned so that a killed silo is declared dead in
/// about two seconds instead of the production default of several probe periods.
/// </summary>
public sealed class TwoSiloPostgresCaseCluster : PostgresCaseCluster
{
    protected override short SiloCount => 2;

    protected override void ConfigureSilo(ISiloBuilder silo) =>
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromMilliseconds(500);
            o.NumMissedProbesLimit = 2;
        });
}
