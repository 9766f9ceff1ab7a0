namespace CaseGrains.Api.Auth;

/// <summary>
/// How bearer tokens are validated, bound from the <c>Auth</c> section. In production set <see cref="Authority"/>
/// (an OIDC provider) or a <see cref="SigningKey"/> shared with the issuer. In Development, with neither, a
/// signing key is generated at first run and kept in ~/.casegrains, outside the repository.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string? Authority { get; set; }

    public string Issuer { get; set; } = "casegrains";

    public string Audience { get; set; } = "casegrains-api";

    /// <summary>Base64 of at least 32 random bytes (HMAC-SHA256).</summary>
    public string? SigningKey { get; set; }
}
