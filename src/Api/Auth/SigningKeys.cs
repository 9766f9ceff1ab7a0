using CaseGrains.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace CaseGrains.Api.Auth;

/// <summary>The symmetric key tokens are signed with: from configuration, or generated once for development.</summary>
public static class SigningKeys
{
    public static SymmetricSecurityKey? Resolve(AuthOptions options, bool development)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            var bytes = Convert.FromBase64String(options.SigningKey);
            if (bytes.Length < 32)
            {
                throw new InvalidOperationException("Auth:SigningKey must be the base64 of at least 32 bytes.");
            }

            return new SymmetricSecurityKey(bytes);
        }

        return development ? new SymmetricSecurityKey(Convert.FromBase64String(DevelopmentSecrets.LoadOrCreate("token-signing-key"))) : null;
    }
}
