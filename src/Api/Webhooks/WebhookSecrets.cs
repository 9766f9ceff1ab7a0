using System.Buffers.Text;
using System.Security.Cryptography;

namespace CaseGrains.Api.Webhooks;

/// <summary>Webhook secrets: 32 random bytes, base64url without padding (43 characters), generated here and never
/// chosen by a client, so every one is strong.</summary>
public static class WebhookSecrets
{
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
