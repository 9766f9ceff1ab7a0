using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CaseGrains.Persistence.Reminders;

/// <summary>
/// The fixed split of the deadline index among scheduler grains. A case's partition is the first two bytes of the
/// SHA-256 of its UTF-8 id (big-endian), modulo <see cref="Count"/>: the same in every process, runtime and release,
/// unlike <see cref="string.GetHashCode()"/>. Changing <see cref="Count"/> means rewriting the stored partitions
/// (and the CHECK in <c>0104_deadline_schedule.sql</c>).
/// </summary>
public static class ReminderPartitions
{
    public const int Count = 64;

    public static int Of(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(caseId), hash);
        return BinaryPrimitives.ReadUInt16BigEndian(hash) % Count;
    }

    /// <summary>Throws unless <paramref name="partition"/> is in [0, <see cref="Count"/>).</summary>
    public static void Require(int partition)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, Count);
    }
}
