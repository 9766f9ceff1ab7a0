using CaseGrains.Api.Http;
using CaseGrains.Domain.Access;

namespace CaseGrains.Api.Auth;

/// <summary>
/// Endpoint filters that establish who is calling before a handler runs: every case and directory endpoint
/// needs a resolved <see cref="Principal"/>; administrative ones need the administrator role.
/// </summary>
public static class PrincipalAccess
{
    private const string ItemKey = "CaseGrains.Principal";

    public static Principal GetPrincipal(this HttpContext context) =>
        context.Items[ItemKey] as Principal ?? throw new InvalidOperationException("The endpoint has no principal filter.");

    public static TBuilder RequirePrincipal<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var resolver = http.RequestServices.GetRequiredService<PrincipalResolver>();
            var (principal, problem) = await resolver.ResolveAsync(http.User, http.RequestAborted);
            if (principal is null)
            {
                return Results.Problem(Problems.Create(StatusCodes.Status403Forbidden, "unknown_principal", "账号信息无效", problem!));
            }

            http.Items[ItemKey] = principal;
            return await next(context);
        });

    public static TBuilder RequireAdministrator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) => CaseAccessPolicy.MayAdminister(context.HttpContext.GetPrincipal())
            ? await next(context)
            : Results.Problem(Problems.Create(StatusCodes.Status403Forbidden, "administrator_required", "仅系统管理员可执行此操作",
                "This operation needs the administrator role.")));
}
