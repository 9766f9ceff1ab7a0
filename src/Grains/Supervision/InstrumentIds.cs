using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// Instrument ids: <c>SI-</c> and 16 hex digits, the prefix by which the deadline scheduler routes a step
/// (<see cref="Scheduling.DeadlineSubjects"/>). A pattern notice's id is derived from the id the agency's record gave it
/// (<see cref="Domain.Supervision.AgencyNotice.Id"/>), so a message delivered twice reaches the same grain; other
/// instruments get an id derived from their creator and Idempotency-Key, or a random one.
/// </summary>
public static partial class InstrumentIds
{
    public const string Prefix = "SI-";

    /// <summary>The instrument of a notice on an agency's record: itself when it already is an instrument id (a converted
    /// case's notice), otherwise derived from the record's id.</summary>
    public static string ForNotice(string noticeId)
    {
        ArgumentNullException.ThrowIfNull(noticeId);
        return IsWellFormed(noticeId) ? noticeId : Derived($"notice\n{noticeId}");
    }

    /// <summary>A new instrument's id: derived from who asks and their key, so a retry lands on the same grain.</summary>
    public static string For(string organisationId, string userId, string? idempotencyKey) =>
        idempotencyKey is null
            ? Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))
            : Derived($"{organisationId}\n{userId}\n{idempotencyKey}");

    public static bool IsWellFormed(string id) => Pattern().IsMatch(id);

    private static string Derived(string text) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));

    [GeneratedRegex("^SI-[0-9a-f]{16}$")]
    private static partial Regex Pattern();
}
