namespace CaseGrains.Api.Http;

/// <summary>
/// Problem details for answers that no endpoint wrote (no such route, wrong method, body too large), so
/// that every error a client sees has a Chinese title and a code.
/// </summary>
public static class StatusCodeProblems
{
    private static readonly Dictionary<int, (string Code, string Title, string Detail)> Known = new()
    {
        [StatusCodes.Status400BadRequest] = ("bad_request", "请求格式有误", "The request is malformed."),
        [StatusCodes.Status401Unauthorized] = ("unauthenticated", "未登录或登录已失效", "A valid bearer token is required."),
        [StatusCodes.Status403Forbidden] = ("forbidden", "无权执行此操作", "Your role does not allow this operation."),
        [StatusCodes.Status404NotFound] = ("not_found", "请求的资源不存在", "No resource exists at this address."),
        [StatusCodes.Status405MethodNotAllowed] = ("method_not_allowed", "不支持该请求方法", "This address does not accept this HTTP method."),
        [StatusCodes.Status413PayloadTooLarge] = ("payload_too_large", "请求内容过大", "The request body exceeds the size limit."),
        [StatusCodes.Status415UnsupportedMediaType] = ("unsupported_media_type", "不支持的内容类型", "The body must be application/json."),
        [StatusCodes.Status429TooManyRequests] = ("too_many_requests", "请求过于频繁，请稍后再试", "Too many requests; retry after the time in Retry-After."),
    };

    public static async Task WriteAsync(Microsoft.AspNetCore.Diagnostics.StatusCodeContext context)
    {
        var response = context.HttpContext.Response;
        var (code, title, detail) = Known.TryGetValue(response.StatusCode, out var known)
            ? known
            : ("http_" + response.StatusCode, "请求未能完成", $"The request ended with HTTP status {response.StatusCode}.");
        await response.WriteAsJsonAsync(Problems.Create(response.StatusCode, code, title, detail), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
