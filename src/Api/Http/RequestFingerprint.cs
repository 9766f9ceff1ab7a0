using System.Security.Cryptography;
using System.Text;

namespace CaseGrains.Api.Http;

/// <summary>Identifies a request for idempotency: the same key must come with the same method, path and body.</summary>
public static class RequestFingerprint
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    public static string Of(HttpRequest request, byte[] body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The Idempotency-Key header, null when absent, or an error when malformed.</summary>
    public static (string? Key, IResult? Error) KeyOf(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(IdempotencyHeader, out var values))
        {
            return (null, null);
        }

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl))
        {
            return (null, Problems.Invalid(IdempotencyHeader, $"Idempotency-Key must be 1 to {MaxKeyLength} printable characters."));
        }

        return (key, null);
    }
}
