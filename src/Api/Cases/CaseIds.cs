using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CaseGrains.Domain.Access;

namespace CaseGrains.Api.Cases;

/// <summary>
/// Case ids (<c>RC-</c> and 16 hex digits; the prefix keeps keys from being read as numbers). With an
/// Idempotency-Key the id is derived from the actor and the key, so a retried receipt lands on the same case
/// grain, which recognises it, instead of creating a second case.
/// </summary>
public static partial class CaseIds
{
    public static string For(Principal principal, string? idempotencyKey)
    {
        if (idempotencyKey is null)
        {
            return "RC-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{principal.OrganisationId}\n{principal.UserId}\n{idempotencyKey}"));
        return "RC-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    public static bool IsWellFormed(string id) => Pattern().IsMatch(id);

    [GeneratedRegex("^RC-[0-9a-f]{16}$")]
    private static partial Regex Pattern();
}
