using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CaseGrains.Persistence.Cases;

/// <summary>
/// The hash chain over a case's history (执法全过程记录、可回溯). Each entry's <see cref="CaseHistoryEntry.Hash"/> is
/// the lower-case hex SHA-256 of a canonical encoding of its content and of <see cref="CaseHistoryEntry.PreviousHash"/>,
/// the hash of the entry before it (<see cref="GenesisHash"/> for the first). Altering, removing or reordering an
/// entry therefore breaks the chain at that entry. PostgreSQL computes the same bytes in SQL
/// (<c>case_history_canonical</c> in <c>0102_history_chain.sql</c>); the two must never diverge.
/// </summary>
/// <remarks>
/// Canonical encoding, the concatenation of eleven fields:
/// <c>F("casegrains.case_history.v1") F(caseId) F(sequence) F(atMicroseconds) F(actorUserId) F(actorOrganisationId)
/// F(action) F(reason) F(payload) F(idempotencyKey) F(previousHash)</c>, where <c>F(null)</c> is the single byte
/// <c>-</c> and <c>F(s)</c> is the number of UTF-8 bytes of <c>s</c> in decimal ASCII, a <c>:</c>, then those bytes
/// (so an empty string, <c>0:</c>, differs from null). Sequence and microseconds are invariant decimal text;
/// microseconds count from 1970-01-01T00:00:00Z and may be negative. The payload is the text as the store keeps it:
/// PostgreSQL's <c>jsonb::text</c>, or the committed text as is in memory. A chain is only as strong as the place its
/// latest hash is kept: whoever can rewrite every row can recompute every hash.
/// </remarks>
public static class HistoryChain
{
    /// <summary>Names and versions the encoding; the first field of every entry's canonical bytes.</summary>
    public const string Scheme = "casegrains.case_history.v1";

    /// <summary>The previous hash of entry 1: 64 zeros.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    // Strict: a string that is not valid UTF-16 (a lone surrogate) has no UTF-8 bytes to hash; refuse it
    // (EncoderFallbackException is an ArgumentException) rather than hash a replacement character.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly long UnixEpochMicroseconds = DateTimeOffset.UnixEpoch.UtcTicks / TimeSpan.TicksPerMicrosecond;

    /// <summary>The bytes that are hashed for <paramref name="entry"/> of case <paramref name="caseId"/>, chained to <paramref name="previousHash"/>.</summary>
    public static byte[] Encode(string caseId, CaseHistoryEntry entry, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(previousHash);
        var buffer = new ArrayBufferWriter<byte>(256 + (entry.PayloadJson?.Length ?? 0) * 3);
        Field(buffer, Scheme);
        Field(buffer, caseId);
        Field(buffer, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(buffer, Microseconds(entry.At).ToString(CultureInfo.InvariantCulture));
        Field(buffer, entry.ActorUserId);
        Field(buffer, entry.ActorOrganisationId);
        Field(buffer, entry.Action);
        Field(buffer, entry.Reason);
        Field(buffer, entry.PayloadJson);
        Field(buffer, entry.IdempotencyKey);
        Field(buffer, previousHash);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The hash of <paramref name="entry"/> chained to <paramref name="previousHash"/>: lower-case hex SHA-256 of <see cref="Encode"/>.</summary>
    public static string ComputeHash(string caseId, CaseHistoryEntry entry, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encode(caseId, entry, previousHash)));

    /// <summary><paramref name="entry"/> with its place in the chain filled in, as a store appends it after <paramref name="previous"/> (null for entry 1).</summary>
    public static CaseHistoryEntry Link(string caseId, CaseHistoryEntry entry, CaseHistoryEntry? previous)
    {
        var previousHash = previous is null ? GenesisHash : previous.Hash ?? throw new ArgumentException("The previous entry has no hash.", nameof(previous));
        return entry with { PreviousHash = previousHash, Hash = ComputeHash(caseId, entry, previousHash) };
    }

    /// <summary>
    /// Checks that <paramref name="entries"/> (a case's whole history, in sequence order) are entries 1, 2, 3, ...
    /// each chained to the one before and each matching its own hash. Stops at the first that is not.
    /// </summary>
    public static HistoryVerification Verify(string caseId, IReadOnlyList<CaseHistoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(entries);
        var previousHash = GenesisHash;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var expected = i + 1L;
            var checkedSoFar = i + 1;
            if (entry.Sequence > expected)
            {
                return HistoryVerification.Broken(checkedSoFar, expected, $"Entry {expected} is missing: the next entry is {entry.Sequence}.");
            }

            if (entry.Sequence < expected)
            {
                return HistoryVerification.Broken(checkedSoFar, expected, $"Entry {entry.Sequence} appears where entry {expected} should be.");
            }

            if (entry.Hash is null || entry.PreviousHash is null)
            {
                return HistoryVerification.Broken(checkedSoFar, expected, $"Entry {expected} is not chained: it has no hash.");
            }

            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return HistoryVerification.Broken(
                    checkedSoFar,
                    expected,
                    expected == 1
                        ? "Entry 1's previous hash is not the genesis hash."
                        : $"Entry {expected}'s previous hash is not the hash of entry {expected - 1}.");
            }

            if (!string.Equals(ComputeHash(caseId, entry, previousHash), entry.Hash, StringComparison.Ordinal))
            {
                return HistoryVerification.Broken(checkedSoFar, expected, $"Entry {expected}'s content does not match its hash.");
            }

            previousHash = entry.Hash;
        }

        return HistoryVerification.Passed(entries.Count);
    }

    /// <summary>
    /// <see cref="Verify(string, IReadOnlyList{CaseHistoryEntry})"/>, and also that the history ends at the case's
    /// current <paramref name="caseVersion"/> (0 for no case): a chain cannot tell on its own that its last entries were removed.
    /// </summary>
    public static HistoryVerification Verify(string caseId, IReadOnlyList<CaseHistoryEntry> entries, long caseVersion)
    {
        var verification = Verify(caseId, entries);
        if (!verification.Intact)
        {
            return verification;
        }

        var last = entries.Count == 0 ? 0 : entries[^1].Sequence;
        if (last < caseVersion)
        {
            return HistoryVerification.Broken(
                entries.Count, last + 1, $"Entry {last + 1} is missing: the case is at version {caseVersion} but its history ends at entry {last}.");
        }

        if (last > caseVersion)
        {
            return HistoryVerification.Broken(
                entries.Count, caseVersion + 1, $"Entry {caseVersion + 1} is beyond the case's version {caseVersion}.");
        }

        return verification;
    }

    /// <summary>Whole microseconds since the Unix epoch, rounded down (PostgreSQL's <c>extract(epoch FROM at) * 1000000</c>).</summary>
    internal static long Microseconds(DateTimeOffset at) => (at.UtcTicks / TimeSpan.TicksPerMicrosecond) - UnixEpochMicroseconds;

    private static void Field(ArrayBufferWriter<byte> buffer, string? value)
    {
        if (value is null)
        {
            buffer.Write("-"u8);
            return;
        }

        var length = Utf8.GetByteCount(value);
        Span<byte> prefix = stackalloc byte[24];
        var written = Encoding.ASCII.GetBytes(length.ToString(CultureInfo.InvariantCulture) + ":", prefix);
        buffer.Write(prefix[..written]);
        var span = buffer.GetSpan(length);
        Utf8.GetBytes(value, span);
        buffer.Advance(length);
    }
}
