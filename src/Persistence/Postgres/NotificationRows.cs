using CaseGrains.Persistence.Notifications;
using Npgsql;
using NpgsqlTypes;

namespace CaseGrains.Persistence.Postgres;

/// <summary>How the notification readers select and read a <c>notifications</c> row (aliased <c>n</c>) and pass a
/// feed position.</summary>
internal static class NotificationRows
{
    public const string Columns =
        "n.id, n.xact_id, n.case_id, n.created_at, n.kind, n.recipient_organisation_id, n.recipient_role, n.recipient_user_id, "
        + "n.title, n.text, n.payload::text";

    /// <summary>The number of columns in <see cref="Columns"/>: the index of the first column a query selects after them.</summary>
    public const int Count = 11;

    public static StoredNotification Read(NpgsqlDataReader reader)
    {
        var id = reader.GetInt64(0);
        return new StoredNotification(
            id,
            new NotificationPosition(TransactionOf(reader.GetFieldValue<ulong>(1)), id),
            reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(3),
            reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.GetString(8),
            reader.GetString(9),
            reader.GetString(10));
    }

    /// <summary>A transaction id as <see cref="NotificationPosition.Transaction"/>. xid8 counts 2^32 transactions per
    /// epoch from epoch 0, so it stays far below 2^63 for as long as a server can run.</summary>
    public static long TransactionOf(ulong xid) => checked((long)xid);

    public static NpgsqlParameter Transaction(long transaction) => Parameters.Typed(checked((ulong)transaction), NpgsqlDbType.Xid8);
}
