using CaseGrains.Persistence.Migrations;
using CaseGrains.Persistence.Postgres;
using CaseGrains.Persistence.Tests.Support;
using CaseGrains.TestSupport;

namespace CaseGrains.Persistence.Tests.Postgres;

/// <summary>
/// The names a list's text filter searches live in <c>case_names</c> (<c>0280_case_names.sql</c>), a copy of the case
/// row's names that the case's own statement writes: at receipt, and again only when a name changes, so an ordinary
/// update leaves that row and its two GIN indexes alone. The names' short pieces are stored with them.
/// </summary>
public sealed class CaseNamesTests : IAsyncLifetime
{
    private PostgresDatabase database = null!;
    private PostgresCaseStore store = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        store = new PostgresCaseStore(database.DataSource, new SubjectCommitBatching());
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_received_case_has_its_names_copied_and_an_update_that_keeps_them_does_not_write_the_copy()
    {
        await store.AppendAsync(Given.Commit("C-1", 0));
        var written = await database.ScalarAsync<string>("SELECT xmin::text FROM case_names WHERE case_id = 'C-1'");

        await store.AppendAsync(Given.Commit("C-1", 1, status: "Accepted"));

        Assert.Equal("张三|沈阳市公安局大东分局", await NamesAsync("C-1"));
        Assert.Equal(written, await database.ScalarAsync<string>("SELECT xmin::text FROM case_names WHERE case_id = 'C-1'"));
        Assert.Equal("Accepted", await database.ScalarAsync<string>("SELECT status FROM cases WHERE case_id = 'C-1'"));
    }

    [Fact]
    public async Task A_commit_that_changes_a_name_changes_the_copy_in_the_same_transaction()
    {
        await store.AppendAsync(Given.Commit("C-1", 0));

        await store.AppendAsync(Given.Commit("C-1", 1, index: e => e with { ApplicantName = "李四", AgencyName = "大东区城市管理局" }));

        Assert.Equal("李四|大东区城市管理局", await NamesAsync("C-1"));
        Assert.Equal("true|false", await database.ScalarAsync<string>(
            "SELECT (short_grams @> ARRAY['李四', '城市'])::text || '|' || (short_grams @> ARRAY['张'])::text FROM case_names WHERE case_id = 'C-1'"));
        Assert.Equal(
            await database.ScalarAsync<string>("SELECT xmin::text FROM cases WHERE case_id = 'C-1'"),
            await database.ScalarAsync<string>("SELECT xmin::text FROM case_names WHERE case_id = 'C-1'"));
    }

    [Fact]
    public async Task The_migration_copies_the_names_of_cases_already_there_and_moves_the_indexes_off_cases()
    {
        await database.ExecuteAsync("""
            DROP TRIGGER cases_names_insert ON cases;
            DROP TRIGGER cases_names_update ON cases;
            DROP FUNCTION case_names_write();
            DROP TABLE case_names;
            CREATE INDEX cases_names_trgm ON cases USING gin (applicant_name gin_trgm_ops, agency_name gin_trgm_ops);
            CREATE INDEX cases_names_short_grams ON cases USING gin (case_names_short_grams(applicant_name, agency_name));
            """);
        await store.AppendAsync(Given.Commit("C-1", 0));
        await store.AppendAsync(Given.Commit("C-2", 0, index: e => e with { ApplicantName = "王五" }));

        await database.ExecuteAsync(SchemaMigrator.Scripts.Single(s => s.Name == "0280_case_names").Sql);

        Assert.Equal("张三|沈阳市公安局大东分局", await NamesAsync("C-1"));
        Assert.Equal("王五|沈阳市公安局大东分局", await NamesAsync("C-2"));
        Assert.Equal(
            "case_names_pkey,case_names_short_grams,case_names_trgm",
            await database.ScalarAsync<string>("SELECT string_agg(indexrelid::regclass::text, ',' ORDER BY indexrelid::regclass::text) FROM pg_index WHERE indrelid = 'case_names'::regclass"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_index WHERE indrelid = 'cases'::regclass AND indexrelid::regclass::text LIKE 'cases_names%'"));
    }

    [Fact]
    public async Task The_short_pieces_are_what_the_sql_function_of_0230_gave()
    {
        var original = SchemaMigrator.Scripts.Single(s => s.Name == "0230_case_short_text").Sql;
        var function = original[original.IndexOf("CREATE FUNCTION", StringComparison.Ordinal)..original.IndexOf("CREATE INDEX", StringComparison.Ordinal)];
        await database.ExecuteAsync(function.Replace("case_names_short_grams(", "short_grams_0230(", StringComparison.Ordinal));

        Assert.Equal(0L, await database.ScalarAsync<long>("""
            SELECT count(*)
              FROM (VALUES ('高刚', '沈阳市公安局大东分局'), ('Zhang San', 'ABC'), ('李', ''), ('', ''), ('欧阳娜娜', '大东区城市管理局')) AS n (a, b)
             WHERE ARRAY(SELECT unnest(case_names_short_grams(a, b)) ORDER BY 1) IS DISTINCT FROM ARRAY(SELECT unnest(short_grams_0230(a, b)) ORDER BY 1)
            """));
        Assert.Equal(
            "{a,ab,b,bc,c,h,z,zh}",
            await database.ScalarAsync<string>("SELECT ARRAY(SELECT p FROM unnest(case_names_short_grams('Zh', 'ABC')) AS p ORDER BY p COLLATE \"C\")::text"));
    }

    private Task<string?> NamesAsync(string caseId) =>
        database.ScalarAsync<string>($"SELECT applicant_name || '|' || agency_name FROM case_names WHERE case_id = '{caseId}'");
}
