using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CaseGrains.Hosting.Webhooks;

/// <summary>
/// The value of <see cref="WebhookHeaders.Signature"/>: <c>v1=</c> and the lowercase hex HMAC-SHA256, keyed with the
/// UTF-8 bytes of the subscription's secret (the text as handed out), of the UTF-8 bytes of
/// <c>{timestamp}.{body}</c>, where timestamp is <see cref="WebhookHeaders.Timestamp"/>'s value and body the request
/// body exactly as sent. The <c>v1</c> scheme lets a later scheme be sent alongside without breaking receivers.
/// </summary>
public static class WebhookSignature
{
    public const string Scheme = "v1";

    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        var signed = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}.{body}"));
        return Scheme + "=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
