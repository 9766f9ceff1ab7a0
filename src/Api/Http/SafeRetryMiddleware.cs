namespace CaseGrains.Api.Http;

/// <summary>
/// Keeps the gateway serving while a silo goes away or PostgreSQL restarts: a request that failed on a transient
/// failure (<see cref="TransientFailures"/>) before anything of its answer was written is run again, after a short
/// pause, if running it again cannot change anything twice — a read (GET, HEAD), or a POST carrying an
/// <c>Idempotency-Key</c> (the case grain replays a key it has already applied, and receipt derives the case id from
/// the key). Anything else, or a failure that outlasts the retries, goes on to <see cref="PlatformExceptionHandler"/>:
/// 503 with <c>Retry-After</c>.
/// </summary>
public sealed partial class SafeRetryMiddleware(RequestDelegate next, ILogger<SafeRetryMiddleware> logger)
{
    /// <summary>The pauses before each new attempt: about seven seconds in all, time enough for Orleans to re-place
    /// the grains of a silo that left gracefully and for a restarted PostgreSQL to accept connections again.</summary>
    private static readonly TimeSpan[] Pauses =
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsSafeToRetry(context.Request))
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering(bufferThreshold: JsonBody.MaxBytes, bufferLimit: JsonBody.MaxBytes + 1);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await next(context);
                return;
            }
            catch (Exception exception) when (attempt < Pauses.Length && !context.Response.HasStarted
                                              && !context.RequestAborted.IsCancellationRequested && TransientFailures.IsTransient(exception))
            {
                LogRetry(logger, context.Request.Method, context.Request.Path, attempt + 1, exception.GetType().Name);
                await Task.Delay(Pauses[attempt], context.RequestAborted);
                context.Response.Clear();
                if (context.Request.Body.CanSeek)
                {
                    context.Request.Body.Position = 0;
                }
            }
        }
    }

    private static bool IsSafeToRetry(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
        || (HttpMethods.IsPost(request.Method) && request.Headers.ContainsKey(RequestFingerprint.IdempotencyHeader));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retrying {Method} {Path} (attempt {Attempt}) after a transient {ExceptionType}")]
    private static partial void LogRetry(ILogger logger, string method, string path, int attempt, string exceptionType);
}
