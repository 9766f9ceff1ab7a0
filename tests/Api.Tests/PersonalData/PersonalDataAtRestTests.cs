using CaseGrains.Api.Tests.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace CaseGrains.Api.Tests.PersonalData;

/// <summary>
/// The applicant's resident ID and phone numbers are encrypted before they reach PostgreSQL: after a receipt and a
/// few steps, neither appears in clear anywhere in the database (the case snapshot, the history payloads, the list
/// index, or any other table), yet the case officer reads both in full through the API.
/// </summary>
public sealed class PersonalDataAtRestTests(PostgresGateway gateway) : IClassFixture<PostgresGateway>
{
    /// <summary>A valid GB 11643 number (check character X) and a mobile number used by no other test of this class.</summary>
    private const string IdNumber = "11010519491231002X";
    private const string Phone = "13987654321";

    [Fact]
    public async Task Neither_number_is_stored_in_clear_yet_the_officer_reads_both_in_full()
    {
        var officer = gateway.As(Actors.DadongOfficer);
        var application = Applications.TrafficFine("静态加密");
        application["applicant"]!["idNumber"] = IdNumber;
        application["applicant"]!["phone"] = Phone;
        var id = (await gateway.As(Actors.TrafficPointClerk).ReceivedAsync(application)).Id;
        await officer.DoAsync(id, new { action = "requestCorrection", missingItems = new[] { "身份证复印件" } });
        await officer.DoAsync(id, new { action = "submitCorrection" });

        var snapshots = await TextsAsync("SELECT snapshot::text FROM cases WHERE case_id = $1", id);
        var payloads = await TextsAsync("SELECT payload::text FROM case_history WHERE case_id = $1 ORDER BY seq", id);

        var snapshot = Assert.Single(snapshots);
        Assert.Equal(3, payloads.Count);
        foreach (var text in payloads.Prepend(snapshot))
        {
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }

        Assert.Contains("enc:v1:", snapshot, StringComparison.Ordinal);
        Assert.Contains("enc:v1:", payloads[0], StringComparison.Ordinal);
        Assert.Empty(await TablesContainingAsync(Secrets));

        var read = await officer.GetAsync(id);
        var receipt = (await officer.HistoryAsync(id)).Body[0].GetProperty("payload").GetProperty("applicant");
        Assert.Equal((IdNumber, Phone), (read.Case.GetProperty("applicant").GetProperty("idNumber").GetString(), read.Case.GetProperty("applicant").GetProperty("phone").GetString()));
        Assert.Equal((IdNumber, Phone), (receipt.GetProperty("idNumber").GetString(), receipt.GetProperty("phone").GetString()));
        Assert.Equal(3, (await officer.ListAsync("q=" + Uri.EscapeDataString("静态加密"))).Body.GetProperty("items")[0].GetProperty("version").GetInt64());
    }

    /// <summary>The numbers, and the parts of them that would still identify the person.</summary>
    private static readonly string[] Secrets = [IdNumber, IdNumber[..17], IdNumber.ToLowerInvariant(), Phone, Phone[3..]];

    private async Task<List<string>> TextsAsync(string sql, string caseId)
    {
        await using var command = gateway.Database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = caseId, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    /// <summary>Every "table.column" of the database (any schema but the system's) in which one of
    /// <paramref name="secrets"/> appears: text of any type as it is, binary columns as their bytes.</summary>
    private async Task<List<string>> TablesContainingAsync(IEnumerable<string> secrets)
    {
        var columns = new List<(string Schema, string Table, string Column, string Type)>();
        await using (var list = gateway.Database.DataSource.CreateCommand("""
            SELECT c.table_schema, c.table_name, c.column_name, c.data_type
              FROM information_schema.columns c
              JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
             WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
            """))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        Assert.Contains(columns, c => c.Table == "cases" && c.Column == "snapshot");
        Assert.Contains(columns, c => c.Table == "case_history" && c.Column == "payload");
        var found = new List<string>();
        foreach (var (schema, table, column, type) in columns)
        {
            var value = type == "bytea" ? $"encode(\"{column}\", 'escape')" : $"\"{column}\"::text";
            foreach (var secret in secrets)
            {
                await using var probe = gateway.Database.DataSource.CreateCommand($"SELECT count(*) FROM \"{schema}\".\"{table}\" WHERE strpos({value}, $1) > 0");
                probe.Parameters.Add(new NpgsqlParameter { Value = secret, NpgsqlDbType = NpgsqlDbType.Text });
                if ((long)(await probe.ExecuteScalarAsync())! > 0)
                {
                    found.Add($"{schema}.{table}.{column} contains {secret}");
                }
            }
        }

        return found;
    }
}
