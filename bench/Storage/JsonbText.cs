using Npgsql;
using NpgsqlTypes;

namespace CaseGrains.Bench.Storage;

/// <summary>
/// JSON as PostgreSQL prints a <c>jsonb</c> value (<c>jsonb::text</c>): keys reordered, whitespace and escapes
/// normalised. The history chain hashes a payload in that form (<c>0102_history_chain.sql</c>), so a hash computed
/// outside PostgreSQL must be computed over it. PostgreSQL prints it here itself, so the bench never has to imitate
/// its printer.
/// </summary>
public static class JsonbText
{
    /// <summary><paramref name="json"/>, each printed as PostgreSQL prints it once stored as <c>jsonb</c>, in the same order.</summary>
    public static async Task<string[]> OfAsync(NpgsqlConnection connection, string[] json)
    {
        await using var command = new NpgsqlCommand(
            "SELECT u.value::jsonb::text FROM unnest($1) WITH ORDINALITY AS u (value, n) ORDER BY u.n", connection);
        command.Parameters.Add(new() { Value = json, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var printed = new string[json.Length];
        await using var reader = await command.ExecuteReaderAsync();
        for (var i = 0; await reader.ReadAsync(); i++)
        {
            printed[i] = reader.GetString(0);
        }

        return printed;
    }
}
