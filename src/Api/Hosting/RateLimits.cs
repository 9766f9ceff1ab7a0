using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CaseGrains.Abstractions;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Cases;
using CaseGrains.Api.Http;
using CaseGrains.Domain.Access;

namespace CaseGrains.Api.Hosting;

/// <summary>
/// Limits on the public intake endpoint: applicants filing online are counted per client address (one person
/// should not flood a body's queue), staff per user account with a far higher limit.
/// Configure with <c>RateLimiting:ApplicantIntakePerMinute</c> and <c>RateLimiting:StaffIntakePerMinute</c>.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddCaseGrainsRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var applicantLimit = configuration.GetValue("RateLimiting:ApplicantIntakePerMinute", 10);
        var staffLimit = configuration.GetValue("RateLimiting:StaffIntakePerMinute", 600);
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(CaseEndpoints.IntakeRateLimit, http =>
            {
                var applicant = http.User.FindFirstValue(CaseGrainsClaims.Role) == EnumNames.Of(Role.Applicant);
                var partition = applicant
                    ? "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown")
                    : "user:" + (http.User.FindFirstValue(CaseGrainsClaims.Subject) ?? "anonymous");
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = applicant ? applicantLimit : staffLimit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await response.WriteAsJsonAsync(
                    Problems.Create(StatusCodes.Status429TooManyRequests, "too_many_requests", "提交过于频繁，请稍后再试",
                        $"Too many applications from this client; retry after {response.Headers.RetryAfter} seconds."),
                    (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
            };
        });
        return services;
    }
}
