using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Migrations;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Supervision;
using CaseGrains.Persistence.Tests.Support;
using CaseGrains.TestSupport;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>An instrument's citations as rows of <c>instrument_citations</c>: a cite writes the rows of the cases it adds
/// and no others, and an instrument written before <c>0240_instrument_citations</c>, its citations inside the snapshot, has
/// them moved to rows.</summary>
public sealed class InstrumentCitationRowsTests : IAsyncLifetime
{
    private const string Notice = "SI-00000000000000d1";

    private PostgresDatabase database = null!;
    private PostgresSupervisionStore store = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        store = new PostgresSupervisionStore(database.DataSource);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_cite_after_many_citations_writes_only_the_rows_of_the_cases_it_adds()
    {
        await store.CommitInstrumentAsync(Commit(0) with { Citations = [.. Enumerable.Range(0, 200).Select(i => Cited($"RC-{i:000}"))] });
        var before = await database.ScalarAsync<string>("SELECT string_agg(xmin::text, ',' ORDER BY case_id) FROM instrument_citations");

        await store.CommitInstrumentAsync(Commit(1) with { Citations = [Cited("RC-200"), Cited("RC-201")] });

        var rows = await database.ScalarAsync<string>("SELECT string_agg(case_id || '@' || xmin::text, ',' ORDER BY case_id) FROM instrument_citations");
        var after = rows!.Split(',').Select(r => r.Split('@')).ToDictionary(r => r[0], r => r[1]);
        var untouched = before!.Split(',').Select((xmin, i) => (CaseId: $"RC-{i:000}", Xmin: xmin)).ToList();
        Assert.All(untouched, row => Assert.Equal(row.Xmin, after[row.CaseId]));
        Assert.Equal(202, after.Count);
        Assert.NotEqual(after["RC-000"], after["RC-200"]);
        Assert.Equal(after["RC-200"], after["RC-201"]);
    }

    [Fact]
    public async Task The_migration_moves_citations_held_inside_a_snapshot_to_rows_and_running_it_again_moves_nothing()
    {
        await database.ExecuteAsync($$$"""
            INSERT INTO supervision_instruments (instrument_id, version, snapshot, kind, status, agency_id, agency_region_path, issuing_body_id,
                                                 supervisor_region_path, overdue, drafted_on, updated_at)
            VALUES ('{{{Notice}}}', 5,
              '{"instrument": {"id": "{{{Notice}}}", "citations": [{"caseId": "RC-b", "foundOn": "2025-03-04"}, {"caseId": "RC-a", "foundOn": "2025-03-03"}], "title": "通知"}, "agencyNoticeId": "SN-1", "requests": {}}',
              'supervisionNotice', 'issued', 'A-R210104-URBAN', '/R210000/R210100/R210104/', 'S-R210104', '/R210000/R210100/R210104/', false, '2025-03-05', now()),
              ('SI-00000000000000d2', 1, '{"instrument": {"id": "SI-00000000000000d2", "citations": [], "title": "意见书"}, "requests": {}}',
              'opinionLetter', 'drafted', 'A-R210104-URBAN', '/R210000/R210100/R210104/', 'B-R210104', '/R210000/R210100/R210104/', false, '2025-03-05', now())
            """);
        var script = SchemaMigrator.Scripts.Single(s => s.Name == "0240_instrument_citations").Sql;

        await database.ExecuteAsync(script);
        await database.ExecuteAsync(script);

        var stored = (await store.LoadInstrumentAsync(Notice))!;
        Assert.Equal(5, stored.Version);
        Assert.True(Given.SameJson(
            $$$"""{"instrument": {"id": "{{{Notice}}}", "citations": [], "title": "通知"}, "agencyNoticeId": "SN-1", "requests": {}}""", stored.SnapshotJson), stored.SnapshotJson);
        Assert.Equal(["RC-a", "RC-b"], stored.Citations.Select(c => c.CaseId).Order(StringComparer.Ordinal));
        Assert.True(Given.SameJson("""{"caseId": "RC-b", "foundOn": "2025-03-04"}""", stored.Citations.Single(c => c.CaseId == "RC-b").CitationJson));
        Assert.Empty((await store.LoadInstrumentAsync("SI-00000000000000d2"))!.Citations);
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM instrument_citations"));
    }

    private static StoredCitation Cited(string caseId) => new(caseId, $$"""{"caseId": "{{caseId}}", "source": "decision", "foundOn": "2025-03-03"}""");

    private static InstrumentCommit Commit(long expectedVersion) => new(
        Notice,
        expectedVersion,
        """{"instrument": {"citations": []}}""",
        new InstrumentIndexEntry("supervisionNotice", "drafted", "A-R210104-URBAN", "/R210000/R210100/R210104/", "S-R210104", "/R210000/R210100/R210104/",
            null, null, false, new DateOnly(2025, 3, 3)),
        new CaseHistoryEntry(expectedVersion + 1, Given.Now, "system", "system", "citeCases", null, "{}", null));
}
