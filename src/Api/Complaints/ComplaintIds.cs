using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CaseGrains.Domain.Access;

namespace CaseGrains.Api.Complaints;

/// <summary>
/// Complaint ids: <c>CP-</c> and 16 hex digits, the prefix by which the deadline scheduler finds a complaint's grain. With
/// an Idempotency-Key the id is derived from the actor and the key, as a case's is (<c>CaseIds</c>), so a retried receipt
/// lands on the same grain, which recognises it. The key is salted with "complaint" so the same key names different
/// subjects for a case and a complaint.
/// </summary>
public static partial class ComplaintIds
{
    public const string Prefix = "CP-";

    public static string For(Principal principal, string? idempotencyKey)
    {
        if (idempotencyKey is null)
        {
            return Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"complaint\n{principal.OrganisationId}\n{principal.UserId}\n{idempotencyKey}"));
        return Prefix + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    public static bool IsWellFormed(string id) => Pattern().IsMatch(id);

    [GeneratedRegex("^CP-[0-9a-f]{16}$")]
    private static partial Regex Pattern();
}
