using System.Net;
using CaseGrains.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;
using Orleans.Hosting;

namespace CaseGrains.Persistence.Tests.OrleansAdoNet;

/// <summary>
/// The 10.4 providers' own table classes driven directly against our scripts, for the parts of the contract a
/// short-lived cluster never reaches: stale versions, duplicate rows, heartbeats out of order, dead-silo
/// cleanup, reminder etags and long values, and two first writes of one grain state racing.
/// </summary>
public sealed class OrleansProviderContractTests : IAsyncLifetime
{
    private const string ClusterId = "contract-cluster";
    private const string ServiceId = "contract-service";

    private PostgresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Membership_changes_need_the_current_version_and_happen_whole_or_not_at_all()
    {
        var table = await MembershipTableAsync();
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true); // a second silo's start: no error

        var empty = await table.ReadAllAsync();
        Assert.Empty(empty.Members);
        Assert.Equal(0, empty.Version.Version);

        var first = Entry(11111, SiloStatus.Joining);
        Assert.True(await table.InsertRowAsync(first, empty.Version.Next()));
        // Same (now stale) version: refused, and nothing is inserted.
        Assert.False(await table.InsertRowAsync(Entry(11112, SiloStatus.Joining), empty.Version.Next()));
        var afterFirst = await table.ReadAllAsync();
        Assert.Single(afterFirst.Members);
        Assert.Equal(1, afterFirst.Version.Version);
        // The same silo again at the current version: refused, and the version does not move.
        Assert.False(await table.InsertRowAsync(first, afterFirst.Version.Next()));
        Assert.Equal(1, (await table.ReadAllAsync()).Version.Version);

        var (stored, etag) = Assert.Single(afterFirst.Members);
        Assert.Equal(first.SiloAddress, stored.SiloAddress);
        stored.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRowAsync(stored, etag, afterFirst.Version.Next()));
        Assert.False(await table.UpdateRowAsync(stored, etag, afterFirst.Version.Next())); // stale version
        var active = await table.ReadRowAsync(first.SiloAddress);
        Assert.Equal(2, active.Version.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(active.Members).Item1.Status);

        // Heartbeats only ever move forwards.
        var alive = active.Members[0].Item1;
        var later = alive.IAmAliveTime.AddSeconds(30);
        alive.IAmAliveTime = later;
        await table.UpdateIAmAliveAsync(alive);
        alive.IAmAliveTime = later.AddSeconds(-20);
        await table.UpdateIAmAliveAsync(alive);
        Assert.Equal(later, (await table.ReadRowAsync(first.SiloAddress)).Members[0].Item1.IAmAliveTime);
        Assert.Equal(2, (await table.ReadAllAsync()).Version.Version);

        // Clients find active silos' gateways.
        var gateways = await GatewayListAsync();
        Assert.Equal(new[] { "127.0.0.1" }, (await gateways.GetGatewaysAsync()).Select(u => u.Host));
    }

    [Fact]
    public async Task Dead_silos_are_cleaned_up_but_recently_suspected_or_live_ones_stay()
    {
        var table = await MembershipTableAsync();
        var longAgo = DateTime.UtcNow.AddDays(-10);
        var dead = Entry(12001, SiloStatus.Dead, longAgo);
        var deadButRecentlySuspected = Entry(12002, SiloStatus.Dead, longAgo);
        var active = Entry(12003, SiloStatus.Active, longAgo);
        foreach (var entry in new[] { dead, deadButRecentlySuspected, active })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        }

        // Suspicions are only ever written by updates: an old one on the first, a recent one on the second.
        dead.SuspectTimes = [Tuple.Create(active.SiloAddress, longAgo.AddMinutes(1))];
        deadButRecentlySuspected.SuspectTimes = [Tuple.Create(active.SiloAddress, DateTime.UtcNow)];
        foreach (var entry in new[] { dead, deadButRecentlySuspected })
        {
            var current = await table.ReadAllAsync();
            Assert.True(await table.UpdateRowAsync(entry, current.Version.VersionEtag, current.Version.Next()));
        }

        // Uses CleanupDefunctSiloEntryKey, row by row, re-sending the values it read (suspicions included).
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-1));

        var ports = (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order();
        Assert.Equal(new[] { 12002, 12003 }, ports);

        await table.DeleteMembershipTableEntriesAsync(ClusterId);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM OrleansMembershipTable"));
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM OrleansMembershipVersionTable"));
    }

    [Fact]
    public async Task Reminders_keep_etags_long_periods_and_long_grain_ids()
    {
        // The provider's table class is internal: take it from a container, as a silo does.
        var services = new ServiceCollection();
        services.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId));
        services.UseAdoNetReminderService(options => options.Configure(o =>
        {
            o.Invariant = OrleansPostgres.Invariant;
            o.ConnectionString = _database.ConnectionString;
        }));
        await using var container = services.BuildServiceProvider();
        var table = container.GetRequiredService<IReminderTable>();
        await table.StartAsync();

        // A generic grain's id easily passes the stock 150 characters (orleans#9653).
        var grainType = "casegrains.deadline`1[[" + new string('n', 180) + "]]";
        var grain = GrainId.Create(grainType, "case-0001");
        Assert.True(grain.ToString().Length > 150);
        var period = TimeSpan.FromDays(40); // more milliseconds than an int holds: sent as bigint
        var start = new DateTime(2030, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);
        var entry = new ReminderEntry { GrainId = grain, ReminderName = "deadline", StartAt = start, Period = period };

        var created = await table.UpsertRow(entry);
        var updated = await table.UpsertRow(entry);
        Assert.Equal("0", created);
        Assert.Equal("1", updated);

        var read = await table.ReadRow(grain, "deadline");
        Assert.NotNull(read);
        Assert.Equal(grain, read.GrainId);
        Assert.Equal(period, read.Period);
        Assert.Equal(start, read.StartAt);
        Assert.Equal("1", read.ETag);
        Assert.Single((await table.ReadRows(grain)).Reminders);

        Assert.False(await table.RemoveRow(grain, "deadline", created!)); // stale etag
        Assert.True(await table.RemoveRow(grain, "deadline", updated!));
        Assert.Null(await table.ReadRow(grain, "deadline"));

        await table.UpsertRow(entry);
        await table.TestOnlyClearTable(); // DeleteReminderRowsKey
        Assert.Empty((await table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Two_first_writes_of_one_grain_state_leave_one_row_and_one_winner()
    {
        const string write = "SELECT NewGrainStateVersion FROM orleans_write_to_storage(7, 0, 0, 9, 'probe', 'case-1', 'svc', NULL, '\\x01'::bytea)";

        await using var first = await _database.DataSource.OpenConnectionAsync();
        await using var firstTransaction = await first.BeginTransactionAsync();
        await using var firstWrite = new NpgsqlCommand(write, first, firstTransaction);
        Assert.Equal(1, await firstWrite.ExecuteScalarAsync());

        await using var second = await _database.DataSource.OpenConnectionAsync();
        await using var secondWrite = new NpgsqlCommand(write, second);
        var racing = secondWrite.ExecuteScalarAsync();
        await Task.Delay(300);
        Assert.False(racing.IsCompleted, "the second first-write should wait for the first");

        await firstTransaction.CommitAsync();
        Assert.Equal(DBNull.Value, await racing); // NULL: not written, which Orleans reports as a conflict
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM OrleansStorage"));
    }

    private async Task<AdoNetClusteringTable> MembershipTableAsync()
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = ClusterId, ServiceId = ServiceId }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = OrleansPostgres.Invariant, ConnectionString = _database.ConnectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    private async Task<AdoNetGatewayListProvider> GatewayListAsync()
    {
        var provider = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = OrleansPostgres.Invariant, ConnectionString = _database.ConnectionString }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = ClusterId, ServiceId = ServiceId }));
        await provider.InitializeGatewayListProviderAsync();
        return provider;
    }

    private static MembershipEntry Entry(int port, SiloStatus status, DateTime? time = null)
    {
        // Whole milliseconds, as the membership table stores them.
        var at = time ?? DateTime.UtcNow;
        at = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1),
            SiloName = $"silo-{port}",
            HostName = "contract-host",
            Status = status,
            ProxyPort = port + 1000,
            StartTime = at,
            IAmAliveTime = at,
        };
    }
}
