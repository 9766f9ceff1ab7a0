using CaseGrains.Api.Http;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace CaseGrains.Api.Auth;

public static class AuthSetup
{
    /// <summary>The authorization policy of endpoints that are not minimal-API handlers (the Orleans Dashboard): a valid
    /// token with the administrator role. Our own handlers check the resolved principal instead (<see cref="PrincipalAccess"/>).</summary>
    public const string AdministratorPolicy = "administrator";

    /// <summary>
    /// JWT bearer authentication. Tokens come from the OIDC authority in production, or are signed with the
    /// configured key; in Development a key is generated at first run and the development token issuer is on.
    /// </summary>
    public static WebApplicationBuilder AddCaseGrainsAuthentication(this WebApplicationBuilder builder)
    {
        var options = new AuthOptions();
        builder.Configuration.GetSection(AuthOptions.Section).Bind(options);
        var development = builder.Environment.IsDevelopment();
        var key = SigningKeys.Resolve(options, development);
        if (key is null && string.IsNullOrWhiteSpace(options.Authority))
        {
            throw new InvalidOperationException("Set Auth:Authority (an OIDC provider) or Auth:SigningKey (base64, 32+ bytes) outside Development.");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<PrincipalResolver>();
        if (key is not null)
        {
            builder.Services.AddSingleton(new DevelopmentTokenIssuer(options, key, TimeProvider.System));
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.Audience = options.Audience;
            if (!string.IsNullOrWhiteSpace(options.Authority))
            {
                jwt.Authority = options.Authority;
            }

            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                IssuerSigningKey = key,
                ValidateIssuerSigningKey = key is not null,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = CaseGrainsClaims.Subject,
                RoleClaimType = CaseGrainsClaims.Role,
            };
            jwt.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    context.Token ??= Cluster.DashboardSetup.TokenOf(context.HttpContext);
                    return Task.CompletedTask;
                },
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    var detail = context.AuthenticateFailure is null
                        ? "A bearer token is required."
                        : "The bearer token is invalid or expired.";
                    await context.Response.WriteAsJsonAsync(
                        Problems.Create(StatusCodes.Status401Unauthorized, "unauthenticated", "未登录或登录已失效", detail),
                        (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
                },
            };
        });
        builder.Services.AddAuthorization(o => o.AddPolicy(AdministratorPolicy, policy =>
            policy.RequireAuthenticatedUser().RequireClaim(CaseGrainsClaims.Role, "administrator")));
        return builder;
    }
}
