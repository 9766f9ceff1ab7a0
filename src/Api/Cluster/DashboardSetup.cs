using CaseGrains.Api.Auth;
using CaseGrains.Api.Http;
using Orleans.Dashboard;

namespace CaseGrains.Api.Cluster;

/// <summary>
/// The Orleans Dashboard (Microsoft.Orleans.Dashboard, the one built for Orleans 10) at <c>/dashboard</c>, for
/// administrators only. A browser cannot send a bearer header, so a first visit to <c>/dashboard/?access_token=…</c>
/// (an administrator's token) leaves it in an HTTP-only cookie scoped to <c>/dashboard</c>, which the dashboard's own
/// requests then carry; the token is validated on every request as any bearer token is.
/// </summary>
public static class DashboardSetup
{
    public const string Path = "/dashboard";
    private const string QueryParameter = "access_token";
    private const string CookieName = "casegrains_dashboard";

    public static RouteGroupBuilder MapCaseGrainsDashboard(this IEndpointRouteBuilder app)
    {
        var dashboard = app.MapOrleansDashboard(Path);
        dashboard.RequireAuthorization(AuthSetup.AdministratorPolicy);
        dashboard.AddEndpointFilter(RefuseWhatCannotBeRead);
        return dashboard;
    }

    /// <summary>The dashboard's own routes parse silo addresses from the path and throw on one that is malformed
    /// (<c>/dashboard/SiloProperties/x</c>), which would be a 500; that is the request's fault, so it is a 400.</summary>
    private static async ValueTask<object?> RefuseWhatCannotBeRead(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (UnreadableValue(e) is { } unreadable)
        {
            return Results.Problem(Problems.Create(StatusCodes.Status400BadRequest, "bad_request", "请求格式有误",
                "The dashboard could not read a value of the request: " + unreadable.Message));
        }
    }

    private static FormatException? UnreadableValue(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is FormatException format)
            {
                return format;
            }
        }

        return null;
    }

    /// <summary>The token of a dashboard request that has no Authorization header: from the query (kept in the cookie
    /// for the requests that follow) or from the cookie; null for every other request.</summary>
    public static string? TokenOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!request.Path.StartsWithSegments(Path) || request.Headers.Authorization.Count > 0)
        {
            return null;
        }

        if (request.Query[QueryParameter].ToString() is { Length: > 0 } token)
        {
            context.Response.Cookies.Append(CookieName, token, new CookieOptions
            {
                HttpOnly = true,
                Secure = request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = Path,
            });
            return token;
        }

        return request.Cookies[CookieName];
    }
}
