using CaseGrains.Persistence.Migrations;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Supervision;
using CaseGrains.Persistence.Tests.Support;
using CaseGrains.TestSupport;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>An agency's findings as rows of <c>agency_findings</c>: a commit rewrites the rows it carries and no others, and
/// a record written before <c>0200_agency_findings</c>, its findings inside the snapshot, has them moved to rows.</summary>
public sealed class AgencyFindingRowsTests : IAsyncLifetime
{
    private const string Agency = "A-R210104-TRAFFIC";

    private PostgresDatabase database = null!;
    private PostgresSupervisionStore store = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        store = new PostgresSupervisionStore(database.DataSource);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_commit_after_many_findings_rewrites_only_the_rows_of_the_findings_it_carries()
    {
        await store.CommitAgencyAsync(new AgencyCommit(Agency, 0, "{}", Given.Now, Findings: [.. Enumerable.Range(0, 200).Select(i => Row($"RC-{i}", i, 1))]));
        var before = await database.ScalarAsync<string>("SELECT string_agg(xmin::text, ',' ORDER BY position) FROM agency_findings");

        await store.CommitAgencyAsync(new AgencyCommit(Agency, 1, "{}", Given.Now, Findings: [Row("RC-200", 200, 1), Row("RC-3", 3, 2)]));

        var after = await database.ScalarAsync<string>("SELECT string_agg(xmin::text, ',' ORDER BY position) FROM agency_findings");
        var untouched = before!.Split(',').Zip(after!.Split(',')).Select((pair, i) => (i, Same: pair.First == pair.Second)).ToList();
        Assert.Equal([3], untouched.Where(p => !p.Same).Select(p => p.i));
        Assert.Equal(201L, await database.ScalarAsync<long>("SELECT count(*) FROM agency_findings"));
        Assert.Equal(2L, await database.ScalarAsync<long>($"SELECT (finding ->> 'sourceVersion')::bigint FROM agency_findings WHERE case_id = 'RC-3'"));
    }

    [Fact]
    public async Task The_migration_moves_findings_held_inside_a_snapshot_to_rows_in_their_order_and_running_it_again_moves_nothing()
    {
        await database.ExecuteAsync("""
            INSERT INTO agency_records (agency_id, version, snapshot, updated_at) VALUES ('A-R210104-TRAFFIC', 7,
              '{"id": "A-R210104-TRAFFIC", "findings": [{"caseId": "RC-b", "sourceVersion": 4}, {"caseId": "RC-a", "sourceVersion": 9}], "notices": [{"id": "SN-1"}]}',
              now())
            """);
        var script = SchemaMigrator.Scripts.Single(s => s.Name == "0200_agency_findings").Sql;

        await database.ExecuteAsync(script);
        await database.ExecuteAsync(script);

        var stored = (await store.LoadAgencyAsync(Agency))!;
        Assert.Equal(7, stored.Version);
        Assert.True(Given.SameJson("""{"id": "A-R210104-TRAFFIC", "findings": [], "notices": [{"id": "SN-1"}]}""", stored.SnapshotJson), stored.SnapshotJson);
        Assert.Equal([("RC-b", 0), ("RC-a", 1)], stored.Findings.Select(f => (f.CaseId, f.Position)));
        Assert.True(Given.SameJson("""{"caseId": "RC-a", "sourceVersion": 9}""", stored.Findings[1].FindingJson));
    }

    private static StoredFinding Row(string caseId, int position, long version) =>
        new(caseId, position, $$"""{"caseId": "{{caseId}}", "sourceVersion": {{version}}}""");
}
