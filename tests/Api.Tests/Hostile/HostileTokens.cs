using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Tests.Infrastructure;
using CaseGrains.Domain.Access;
using Microsoft.IdentityModel.Tokens;

namespace CaseGrains.Api.Tests.Hostile;

/// <summary>
/// Authorization headers that must never let a request through, each built for a user who, with a good token,
/// would be allowed what the request asks: none, garbage, other schemes, expired or not yet valid, forged with
/// another key, unsigned (alg=none), signature stripped or payload altered, wrong issuer or audience, and
/// well-signed tokens with missing claims, an unknown role or an organisation outside the directory.
/// </summary>
public static class HostileTokens
{
    /// <summary>Name and header value (null: no header at all).</summary>
    public static IReadOnlyList<(string Name, string? Authorization)> For(Who who)
    {
        var good = TestKeys.TokenFor(who);
        var claims = TestKeys.ClaimsOf(who);
        var anotherKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        var past = new FixedClock(DateTimeOffset.UtcNow.AddHours(-3));
        var now = DateTimeOffset.UtcNow;

        return
        [
            ("no header", null),
            ("empty bearer", "Bearer "),
            ("bearer without a space", "Bearer"),
            ("garbage", "Bearer garbage"),
            ("three garbage segments", "Bearer aaa.bbb.ccc"),
            ("injection as the token", "Bearer ' OR 1=1 --"),
            ("another scheme", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:admin"))),
            ("token without a scheme", good),
            ("huge token", "Bearer " + new string('A', 300_000)),
            ("expired an hour ago", "Bearer " + TestKeys.IssuerAt(past).Issue(who.UserId, who.OrganisationId, who.Role, TimeSpan.FromHours(2)).Token),
            ("not valid before tomorrow", "Bearer " + TestKeys.Custom(claims, notBefore: now.AddDays(1), expires: now.AddDays(2))),
            ("forged with another key", "Bearer " + TestKeys.Custom(claims, signingKey: anotherKey)),
            ("alg none", "Bearer " + Unsigned(claims)),
            ("signature stripped", "Bearer " + good[..(good.LastIndexOf('.') + 1)]),
            ("payload altered to another role", "Bearer " + Altered(good, CaseGrainsClaims.Role, who.Role == Role.Administrator ? "bodyHead" : "administrator")),
            ("payload altered to another user", "Bearer " + Altered(good, CaseGrainsClaims.Subject, "mallory")),
            ("payload altered to another organisation", "Bearer " + Altered(good, CaseGrainsClaims.Organisation, "B-R210102")),
            ("wrong issuer", "Bearer " + TestKeys.Custom(claims, issuer: "someone-else")),
            ("wrong audience", "Bearer " + TestKeys.Custom(claims, audience: "another-api")),
            ("missing sub", "Bearer " + TestKeys.Custom(Without(claims, CaseGrainsClaims.Subject))),
            ("missing org", "Bearer " + TestKeys.Custom(Without(claims, CaseGrainsClaims.Organisation))),
            ("missing role", "Bearer " + TestKeys.Custom(Without(claims, CaseGrainsClaims.Role))),
            ("unknown role", "Bearer " + TestKeys.Custom(With(claims, CaseGrainsClaims.Role, "superuser"))),
            ("role in PascalCase", "Bearer " + TestKeys.Custom(With(claims, CaseGrainsClaims.Role, who.Role.ToString()))),
            ("role as a number", "Bearer " + TestKeys.Custom(With(claims, CaseGrainsClaims.Role, (int)who.Role))),
            ("empty sub", "Bearer " + TestKeys.Custom(With(claims, CaseGrainsClaims.Subject, string.Empty))),
            ("organisation outside the directory", "Bearer " + TestKeys.Custom(With(claims, CaseGrainsClaims.Organisation, "B-R999999"))),
            ("organisation as an injection", "Bearer " + TestKeys.Custom(With(claims, CaseGrainsClaims.Organisation, "' OR 1=1 --"))),
        ];
    }

    /// <summary>A JWT whose header says <c>alg: none</c> and that has no signature, carrying valid-looking claims.</summary>
    private static string Unsigned(Dictionary<string, object> claims)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["iss"] = TestKeys.Options.Issuer,
            ["aud"] = TestKeys.Options.Audience,
            ["nbf"] = now,
            ["iat"] = now,
            ["exp"] = now + 3600,
        };
        foreach (var (name, value) in claims)
        {
            payload[name] = JsonValue.Create(value.ToString());
        }

        return Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""") + "." + Base64UrlEncoder.Encode(payload.ToJsonString()) + ".";
    }

    /// <summary>The token with one claim of its payload changed and the original signature kept.</summary>
    private static string Altered(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        if (payload[claim]?.GetValue<string>() == value)
        {
            throw new ArgumentException($"The token already says {claim} = {value}; altering it to the same value proves nothing.");
        }

        payload[claim] = value;
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    private static Dictionary<string, object> Without(Dictionary<string, object> claims, string name) =>
        claims.Where(c => c.Key != name).ToDictionary(c => c.Key, c => c.Value);

    private static Dictionary<string, object> With(Dictionary<string, object> claims, string name, object value) =>
        new(claims) { [name] = value };

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}
