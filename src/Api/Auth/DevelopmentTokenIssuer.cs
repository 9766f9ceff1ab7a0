using System.Security.Claims;
using CaseGrains.Abstractions;
using CaseGrains.Domain.Access;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseGrains.Api.Auth;

/// <summary>Mints tokens with the configured symmetric key: for development and for tests, never an OIDC replacement.</summary>
public sealed class DevelopmentTokenIssuer(AuthOptions options, SymmetricSecurityKey key, TimeProvider clock)
{
    public (string Token, DateTimeOffset ExpiresAt) Issue(string userId, string organisationId, Role role, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        var expires = now + lifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(CaseGrainsClaims.Subject, userId),
                new Claim(CaseGrainsClaims.Organisation, organisationId),
                new Claim(CaseGrainsClaims.Role, EnumNames.Of(role)),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
