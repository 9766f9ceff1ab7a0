using CaseGrains.Api.Http;
using CaseGrains.Domain.Access;

namespace CaseGrains.Api.Auth;

/// <summary>
/// <c>POST /api/v1/dev/tokens</c>: mints a token for any user, organisation and role, so the embedded run can
/// be driven without an identity provider. Mapped only in the Development environment; elsewhere the route
/// does not exist (404).
/// </summary>
public static class DevTokenEndpoints
{
    public static RouteGroupBuilder MapDevTokenEndpoints(this RouteGroupBuilder api, IWebHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            return api;
        }

        api.MapPost("/dev/tokens", async (HttpRequest request, DevelopmentTokenIssuer issuer) =>
        {
            var (input, _, error) = await JsonBody.ReadAsync<DevTokenRequest>(request, ApiJson.Input);
            if (error is not null)
            {
                return error;
            }

            if (input!.LifetimeMinutes is < 1 or > 1440)
            {
                return Problems.Invalid("lifetimeMinutes", "expected 1 to 1440 minutes");
            }

            var (token, expiresAt) = issuer.Issue(input.UserId, input.OrganisationId, input.Role, TimeSpan.FromMinutes(input.LifetimeMinutes));
            return Results.Ok(new { accessToken = token, tokenType = "Bearer", expiresAt });
        }).WithTags("Development").WithSummary("Development only: issue a token for a user, organisation and role");
        return api;
    }

    private sealed record DevTokenRequest(string UserId, string OrganisationId, Role Role, int LifetimeMinutes = 480);
}
