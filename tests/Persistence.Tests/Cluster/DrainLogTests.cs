using CaseGrains.Persistence.Cluster;
using CaseGrains.Persistence.Memory;
using CaseGrains.Persistence.Postgres;
using CaseGrains.TestSupport;

namespace CaseGrains.Persistence.Tests.Cluster;

/// <summary>
/// The record of drain requests, one specification for PostgreSQL and memory: what a request says is kept as said,
/// newest first; the silo's answer does not undo its departure, whichever is written first; only open requests are
/// marked as left, or as died when the silo was declared dead first; what the table's checks refuse, memory refuses too.
/// </summary>
public abstract class DrainLogSpecification : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));

    private IDrainLog? log;

    private IDrainLog Log => log ?? throw new InvalidOperationException("Created in InitializeAsync.");

    public async Task InitializeAsync() => log = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IDrainLog> CreateAsync();

    [Fact]
    public async Task Requests_are_listed_newest_first_with_who_when_why_and_the_refusal()
    {
        var first = await Log.RecordAsync(Request("silo-a", Monday, "更换服务器"), DrainStatus.Requested, null);
        var second = await Log.RecordAsync(Request("silo-b", Monday.AddMinutes(5), "最后一个节点"), DrainStatus.Refused, "last_active_silo");

        var listed = await Log.ListAsync(10);

        Assert.Equal([second, first], listed.Select(r => r.Id));
        Assert.Equal(new DrainRecord(second, "silo-b", "silo-b-name", "admin-01", Monday.AddMinutes(5), "最后一个节点", DrainStatus.Refused, "last_active_silo", null), listed[0]);
        Assert.Equal(new DrainRecord(first, "silo-a", "silo-a-name", "admin-01", Monday, "更换服务器", DrainStatus.Requested, null, null), listed[1]);
        Assert.Equal([second], (await Log.ListAsync(1)).Select(r => r.Id));
    }

    [Fact]
    public async Task A_drained_silo_that_stops_is_recorded_as_left_and_nothing_else_is()
    {
        var draining = await Log.RecordAsync(Request("silo-a", Monday, "维护"), DrainStatus.Requested, null);
        var unreachable = await Log.RecordAsync(Request("silo-a", Monday.AddMinutes(1), "再试"), DrainStatus.Requested, null);
        var refused = await Log.RecordAsync(Request("silo-a", Monday.AddMinutes(2), "第三次"), DrainStatus.Refused, "silo_not_active");
        var other = await Log.RecordAsync(Request("silo-b", Monday.AddMinutes(3), "另一个"), DrainStatus.Requested, null);
        await Log.AnsweredAsync(draining, DrainStatus.Draining);
        await Log.AnsweredAsync(unreachable, DrainStatus.Unreachable);

        Assert.Equal(1, await Log.SiloLeftAsync("silo-a", Monday.AddMinutes(4)));
        Assert.Equal(0, await Log.SiloLeftAsync("silo-a", Monday.AddMinutes(9)));

        var byId = (await Log.ListAsync(10)).ToDictionary(r => r.Id);
        Assert.Equal((DrainStatus.Left, Monday.AddMinutes(4)), (byId[draining].Status, byId[draining].LeftAt));
        Assert.Equal((DrainStatus.Unreachable, (DateTimeOffset?)null), (byId[unreachable].Status, byId[unreachable].LeftAt));
        Assert.Equal(DrainStatus.Refused, byId[refused].Status);
        Assert.Equal(DrainStatus.Requested, byId[other].Status);
    }

    [Fact]
    public async Task A_silo_that_leaves_before_its_answer_is_written_stays_left()
    {
        var id = await Log.RecordAsync(Request("silo-a", Monday, "维护"), DrainStatus.Requested, null);

        await Log.SiloLeftAsync("silo-a", Monday.AddSeconds(30));
        await Log.AnsweredAsync(id, DrainStatus.Draining);

        var record = Assert.Single(await Log.ListAsync(10));
        Assert.Equal((DrainStatus.Left, Monday.AddSeconds(30)), (record.Status, record.LeftAt));
    }

    [Fact]
    public async Task A_silo_declared_dead_while_draining_is_recorded_as_died_unless_it_had_recorded_leaving()
    {
        var killed = await Log.RecordAsync(Request("silo-a", Monday, "维护"), DrainStatus.Requested, null);
        var gone = await Log.RecordAsync(Request("silo-b", Monday.AddMinutes(1), "维护"), DrainStatus.Requested, null);
        await Log.AnsweredAsync(killed, DrainStatus.Draining);
        await Log.AnsweredAsync(gone, DrainStatus.Draining);
        await Log.SiloLeftAsync("silo-b", Monday.AddMinutes(2));

        Assert.Equal(1, await Log.SiloDiedAsync("silo-a", Monday.AddMinutes(3)));
        Assert.Equal(0, await Log.SiloDiedAsync("silo-b", Monday.AddMinutes(3)));
        Assert.Equal(0, await Log.SiloLeftAsync("silo-a", Monday.AddMinutes(4)));

        var byId = (await Log.ListAsync(10)).ToDictionary(r => r.Id);
        Assert.Equal((DrainStatus.Died, Monday.AddMinutes(3)), (byId[killed].Status, byId[killed].LeftAt));
        Assert.Equal((DrainStatus.Left, Monday.AddMinutes(2)), (byId[gone].Status, byId[gone].LeftAt));
    }

    [Fact]
    public async Task What_the_table_would_refuse_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Log.RecordAsync(Request("silo-a", Monday, ""), DrainStatus.Requested, null));
        await Assert.ThrowsAsync<ArgumentException>(() => Log.RecordAsync(Request("silo-a", Monday, new string('长', 501)), DrainStatus.Requested, null));
        await Assert.ThrowsAsync<ArgumentException>(() => Log.RecordAsync(Request("silo-a", Monday, "维护"), DrainStatus.Refused, null));
        await Assert.ThrowsAsync<ArgumentException>(() => Log.RecordAsync(Request("silo-a", Monday, "维护"), DrainStatus.Left, null));
        await Assert.ThrowsAsync<ArgumentException>(() => Log.AnsweredAsync(1, DrainStatus.Left));
        Assert.Empty(await Log.ListAsync(10));
    }

    private static DrainRequestEntry Request(string silo, DateTimeOffset at, string reason) => new(silo, silo + "-name", "admin-01", at, reason);
}

public sealed class InMemoryDrainLogTests : DrainLogSpecification
{
    protected override Task<IDrainLog> CreateAsync() => Task.FromResult<IDrainLog>(new InMemoryDrainLog());
}

public sealed class PostgresDrainLogTests : DrainLogSpecification
{
    private PostgresDatabase? database;

    protected override async Task<IDrainLog> CreateAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        return new PostgresDrainLog(database.DataSource);
    }

    public override async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
