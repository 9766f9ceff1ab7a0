using Microsoft.AspNetCore.Diagnostics;

namespace CaseGrains.Api.Http;

/// <summary>
/// The last answer for a request that threw: malformed HTTP is a 400, a cluster or database that cannot be
/// reached is a 503 with Retry-After (the request can be retried), anything else a 500 that is logged.
/// </summary>
public sealed partial class PlatformExceptionHandler(ILogger<PlatformExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var response = httpContext.Response;
        if (exception is BadHttpRequestException bad)
        {
            var status = bad.StatusCode;
            await WriteAsync(response, Problems.Create(status, "bad_request", "请求格式有误", bad.Message), cancellationToken);
            return true;
        }

        if (TransientFailures.IsTransient(exception))
        {
            LogUnavailable(exception.GetType().Name, exception.Message);
            response.Headers.RetryAfter = "5";
            await WriteAsync(response, Problems.Create(StatusCodes.Status503ServiceUnavailable, "service_unavailable", "服务暂时不可用，请稍后重试",
                "The cluster or the database is not reachable right now; retry after a few seconds."), cancellationToken);
            return true;
        }

        LogFailure(exception);
        await WriteAsync(response, Problems.Create(StatusCodes.Status500InternalServerError, "internal_error", "服务器内部错误",
            "An unexpected error occurred; it has been logged."), cancellationToken);
        return true;
    }

    private static async Task WriteAsync(HttpResponse response, Microsoft.AspNetCore.Mvc.ProblemDetails problem, CancellationToken cancellationToken)
    {
        response.StatusCode = problem.Status!.Value;
        await response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request failed because a dependency is unavailable: {ExceptionType}: {Reason}")]
    private partial void LogUnavailable(string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private partial void LogFailure(Exception exception);
}
