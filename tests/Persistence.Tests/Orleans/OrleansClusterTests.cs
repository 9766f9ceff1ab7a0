using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;

namespace CaseGrains.Persistence.Tests.OrleansAdoNet;

/// <summary>
/// A real two-silo cluster whose membership, grain state and reminders live in PostgreSQL through our
/// <c>Schema/000x_orleans_*.sql</c> scripts, proving the scripts meet the 10.4 providers' contract end to end.
/// </summary>
public sealed class OrleansClusterTests(OrleansClusterFixture fixture) : IClassFixture<OrleansClusterFixture>
{
    private const int ActiveStatus = 3; // SiloStatus.Active

    [Fact]
    public async Task Both_silos_are_active_rows_of_the_membership_table()
    {
        var rows = await QueryAsync(
            "SELECT Address, Port, Generation, Status FROM OrleansMembershipTable WHERE DeploymentId = $1",
            fixture.Cluster.Options.ClusterId,
            r => (Address: r.GetString(0), Port: r.GetInt32(1), Generation: r.GetInt32(2), Status: r.GetInt32(3)));

        var silos = fixture.Cluster.Silos.Select(s => s.SiloAddress).ToList();
        Assert.Equal(2, silos.Count);
        foreach (var silo in silos)
        {
            var row = Assert.Single(rows, r =>
                r.Address == silo.Endpoint.Address.ToString() && r.Port == silo.Endpoint.Port && r.Generation == silo.Generation);
            Assert.Equal(ActiveStatus, row.Status);
        }

        // Every membership change moved the version on: at least the two joins and the two activations.
        var version = await fixture.Database.ScalarAsync<int>(
            $"SELECT Version FROM OrleansMembershipVersionTable WHERE DeploymentId = '{fixture.Cluster.Options.ClusterId}'");
        Assert.True(version >= 4, $"membership version {version}");
    }

    [Fact]
    public async Task State_written_by_one_activation_is_read_by_the_next()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<IProbeGrain>("probe-state");

        var fresh = await grain.GetAsync();
        Assert.Null(fresh.Value);
        Assert.False(fresh.RecordExists);

        await grain.SetAsync("first");
        await grain.SetAsync("second"); // an update at the version the first write returned
        var written = await grain.GetAsync();
        Assert.Equal("2", written.ETag);

        await grain.DeactivateAsync();
        var reloaded = await grain.GetAsync();
        Assert.NotEqual(written.ActivationId, reloaded.ActivationId);
        Assert.Equal("second", reloaded.Value);
        Assert.Equal("2", reloaded.ETag);
        Assert.True(reloaded.RecordExists);

        // The row is keyed by the state name, the string key and the service.
        var rows = await QueryAsync(
            "SELECT Version, PayloadBinary IS NOT NULL FROM OrleansStorage WHERE GrainTypeString = $1 AND GrainIdExtensionString = 'probe-state' AND ServiceId = $2",
            [ProbeGrain.StateName, fixture.Cluster.Options.ServiceId],
            r => (Version: r.GetInt32(0), HasPayload: r.GetBoolean(1)));
        Assert.Equal((2, true), Assert.Single(rows));

        // Clearing keeps the row (and its version sequence) without state.
        await grain.ClearAsync();
        await grain.DeactivateAsync();
        var cleared = await grain.GetAsync();
        Assert.Null(cleared.Value);
        Assert.False(cleared.RecordExists);
        Assert.Equal("3", cleared.ETag);
    }

    [Fact]
    public async Task Grain_storage_refuses_writes_from_a_stale_or_missing_etag()
    {
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(OrleansClusterFixture.StorageName);
        var grainId = GrainId.Create("direct", "stale-1");

        var current = new GrainState<ProbeState>(new ProbeState { Value = "a" });
        await storage.WriteStateAsync("direct-state", grainId, current);
        Assert.Equal("1", current.ETag);

        var blind = new GrainState<ProbeState>(new ProbeState { Value = "b" }); // never read: no etag
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("direct-state", grainId, blind));
        var stale = new GrainState<ProbeState>(new ProbeState { Value = "c" }) { ETag = "7" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("direct-state", grainId, stale));

        await storage.WriteStateAsync("direct-state", grainId, current);
        Assert.Equal("2", current.ETag);
        var read = new GrainState<ProbeState>();
        await storage.ReadStateAsync("direct-state", grainId, read);
        Assert.Equal(("a", "2", true), (read.State?.Value, read.ETag, read.RecordExists));
    }

    [Fact]
    public async Task A_registered_reminder_is_stored_and_read_back()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<IProbeGrain>("probe-reminder");
        var period = TimeSpan.FromHours(1);
        await grain.RegisterReminderAsync("nightly", TimeSpan.FromHours(1), period);

        var rows = await QueryAsync(
            "SELECT GrainId, Period, GrainHash FROM OrleansRemindersTable WHERE ServiceId = $1 AND ReminderName = 'nightly'",
            fixture.Cluster.Options.ServiceId,
            r => (GrainId: r.GetString(0), Period: r.GetInt64(1), GrainHash: r.GetInt32(2)));
        var row = Assert.Single(rows);
        Assert.EndsWith("/probe-reminder", row.GrainId, StringComparison.Ordinal);
        Assert.Equal((long)period.TotalMilliseconds, row.Period);

        Assert.Equal("nightly", await grain.GetReminderNameAsync("nightly"));
        Assert.Null(await grain.GetReminderNameAsync("never-registered"));

        // The range reads each silo makes of its part of the hash ring, in both of their forms.
        var table = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var hash = unchecked((uint)row.GrainHash);
        Assert.Contains(await ReminderNames(table, hash, hash), n => n == "nightly");          // whole ring (wrapping form)
        Assert.Contains(await ReminderNames(table, hash - 1, hash), n => n == "nightly");      // (hash-1, hash]
        Assert.DoesNotContain(await ReminderNames(table, hash, hash - 1), n => n == "nightly"); // all but hash
    }

    private static async Task<List<string>> ReminderNames(IReminderTable table, uint begin, uint end) =>
        [.. (await table.ReadRows(begin, end)).Reminders.Select(r => r.ReminderName)];

    private Task<List<T>> QueryAsync<T>(string sql, object parameter, Func<NpgsqlDataReader, T> read) =>
        QueryAsync(sql, [parameter], read);

    private async Task<List<T>> QueryAsync<T>(string sql, object[] parameters, Func<NpgsqlDataReader, T> read)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
