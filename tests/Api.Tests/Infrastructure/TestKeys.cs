using System.Security.Claims;
using CaseGrains.Abstractions;
using System.Security.Cryptography;
using CaseGrains.Api.Auth;
using CaseGrains.Domain.Access;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>
/// The keys every gateway under test is configured with: one token-signing key and one personal-data key per
/// test process, so a restarted gateway still reads what the first one encrypted and accepts its tokens.
/// </summary>
public static class TestKeys
{
    public static string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string PersonalDataKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The options every gateway under test validates with (the defaults: issuer and audience).</summary>
    public static AuthOptions Options { get; } = new();

    private static readonly SymmetricSecurityKey Key = new(Convert.FromBase64String(SigningKey));

    private static readonly DevelopmentTokenIssuer Issuer = IssuerAt(TimeProvider.System);

    public static string TokenFor(string userId, string organisationId, Role role, TimeSpan? lifetime = null) =>
        Issuer.Issue(userId, organisationId, role, lifetime ?? TimeSpan.FromHours(1)).Token;

    public static string TokenFor(Who who) => TokenFor(who.UserId, who.OrganisationId, who.Role);

    /// <summary>The gateway's issuer with the test key, reading the time from <paramref name="clock"/>: with a clock in
    /// the past it mints tokens that have already expired.</summary>
    public static DevelopmentTokenIssuer IssuerAt(TimeProvider clock) => new(Options, Key, clock);

    /// <summary>
    /// A token with exactly these claims (nothing else is added), signed with <paramref name="signingKey"/> (the
    /// gateway's key when null), for the issuer and audience given (the gateway's when null), valid now unless told.
    /// </summary>
    public static string Custom(
        IDictionary<string, object> claims,
        SymmetricSecurityKey? signingKey = null,
        string? issuer = null,
        string? audience = null,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null)
    {
        var now = DateTimeOffset.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Options.Issuer,
            Audience = audience ?? Options.Audience,
            IssuedAt = (notBefore ?? now).UtcDateTime,
            NotBefore = (notBefore ?? now).UtcDateTime,
            Expires = (expires ?? now.AddHours(1)).UtcDateTime,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(signingKey ?? Key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The three claims the gateway reads, for <paramref name="who"/>.</summary>
    public static Dictionary<string, object> ClaimsOf(Who who) => new()
    {
        [CaseGrainsClaims.Subject] = who.UserId,
        [CaseGrainsClaims.Organisation] = who.OrganisationId,
        [CaseGrainsClaims.Role] = EnumNames.Of(who.Role),
    };
}
