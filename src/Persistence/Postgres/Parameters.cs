using Npgsql;
using NpgsqlTypes;

namespace CaseGrains.Persistence.Postgres;

/// <summary>Typed positional parameters, so that nulls and values inside CTEs and SELECT lists carry their type.</summary>
internal static class Parameters
{
    public static NpgsqlParameter Typed(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    public static NpgsqlParameter Text(string? value) => Typed(value, NpgsqlDbType.Text);

    public static NpgsqlParameter Jsonb(string value) => Typed(value, NpgsqlDbType.Jsonb);

    public static NpgsqlParameter Bigint(long value) => Typed(value, NpgsqlDbType.Bigint);

    public static NpgsqlParameter Boolean(bool value) => Typed(value, NpgsqlDbType.Boolean);

    public static NpgsqlParameter Date(DateOnly? value) => Typed(value, NpgsqlDbType.Date);

    public static NpgsqlParameter TimestampTz(DateTimeOffset value) => Typed(value, NpgsqlDbType.TimestampTz);

    public static NpgsqlParameter TextArray(IReadOnlyList<string?> values) =>
        Typed(values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
}
