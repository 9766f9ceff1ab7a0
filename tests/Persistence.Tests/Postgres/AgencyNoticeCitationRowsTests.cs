using CaseGrains.Persistence.Migrations;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Supervision;
using CaseGrains.Persistence.Tests.Support;
using CaseGrains.TestSupport;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>An agency's notices' citations as rows of <c>agency_notice_citations</c>: a commit inserts the rows it carries
/// and touches no other, and a record written before <c>0250_agency_notice_citations</c>, its citations inside the
/// snapshot, has them moved to rows.</summary>
public sealed class AgencyNoticeCitationRowsTests : IAsyncLifetime
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
    public async Task A_commit_after_many_citations_writes_only_the_rows_of_the_citations_it_carries()
    {
        const string snapshot = """{"id": "A-R210104-TRAFFIC", "findings": [], "notices": [{"id": "SN-1", "citedCaseIds": []}]}""";
        await store.CommitAgencyAsync(new AgencyCommit(
            Agency, 0, snapshot, Given.Now, Citations: [.. Enumerable.Range(0, 2_000).Select(i => new StoredNoticeCitation("SN-1", $"RC-{i:d4}"))]));
        var before = await database.ScalarAsync<string>("SELECT string_agg(xmin::text, ',' ORDER BY case_id) FROM agency_notice_citations");

        await store.CommitAgencyAsync(new AgencyCommit(Agency, 1, snapshot, Given.Now, Citations: [new("SN-1", "RC-2000"), new("SN-2", "RC-0001")]));

        // The commit's transaction wrote the record's row and exactly two citation rows; the 2,000 before kept theirs.
        Assert.Equal(2L, await database.ScalarAsync<long>("""
            SELECT count(*) FROM agency_notice_citations c JOIN agency_records r ON r.agency_id = c.agency_id WHERE c.xmin = r.xmin
            """));
        Assert.Equal(before, await database.ScalarAsync<string>(
            "SELECT string_agg(xmin::text, ',' ORDER BY case_id) FROM agency_notice_citations WHERE (notice_id, case_id) NOT IN (('SN-1', 'RC-2000'), ('SN-2', 'RC-0001'))"));
        Assert.Equal(2_002L, await database.ScalarAsync<long>("SELECT count(*) FROM agency_notice_citations"));
        Assert.True(await database.ScalarAsync<int>("SELECT octet_length(snapshot::text) FROM agency_records") < 200);
    }

    [Fact]
    public async Task The_migration_moves_citations_held_inside_a_snapshot_to_rows_and_running_it_again_moves_nothing()
    {
        await database.ExecuteAsync("""
            INSERT INTO agency_records (agency_id, version, snapshot, updated_at) VALUES ('A-R210104-TRAFFIC', 7,
              '{"id": "A-R210104-TRAFFIC", "findings": [], "notices": [
                 {"id": "SN-1", "flaws": ["procedure"], "citedCaseIds": ["RC-b", "RC-a"], "draftedOn": "2025-05-06"},
                 {"id": "SN-2", "citedCaseIds": []},
                 {"id": "SN-3"},
                 {"id": "SN-4", "citedCaseIds": ["RC-a"], "finishedOn": "2025-09-01"}]}',
              now()),
              ('A-R210104-URBAN', 2, '{"id": "A-R210104-URBAN", "findings": [], "notices": []}', now()),
              ('A-R210104-OLD', 1, '{"id": "A-R210104-OLD", "findings": []}', now())
            """);
        var script = SchemaMigrator.Scripts.Single(s => s.Name == "0250_agency_notice_citations").Sql;

        await database.ExecuteAsync(script);
        await database.ExecuteAsync(script);

        var stored = (await store.LoadAgencyAsync(Agency))!;
        Assert.Equal(7, stored.Version);
        Assert.True(Given.SameJson("""
            {"id": "A-R210104-TRAFFIC", "findings": [], "notices": [
               {"id": "SN-1", "flaws": ["procedure"], "citedCaseIds": [], "draftedOn": "2025-05-06"},
               {"id": "SN-2", "citedCaseIds": []},
               {"id": "SN-3"},
               {"id": "SN-4", "citedCaseIds": [], "finishedOn": "2025-09-01"}]}
            """, stored.SnapshotJson), stored.SnapshotJson);
        Assert.Equal(
            [new("SN-1", "RC-a"), new("SN-1", "RC-b"), new("SN-4", "RC-a")],
            stored.Citations.OrderBy(c => c.NoticeId, StringComparer.Ordinal).ThenBy(c => c.CaseId, StringComparer.Ordinal));
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM agency_notice_citations"));
        Assert.True(Given.SameJson("""{"id": "A-R210104-URBAN", "findings": [], "notices": []}""", (await store.LoadAgencyAsync("A-R210104-URBAN"))!.SnapshotJson));
        Assert.True(Given.SameJson("""{"id": "A-R210104-OLD", "findings": []}""", (await store.LoadAgencyAsync("A-R210104-OLD"))!.SnapshotJson));
    }
}
