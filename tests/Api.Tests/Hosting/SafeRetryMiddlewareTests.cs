using CaseGrains.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseGrains.Api.Tests.Hosting;

/// <summary>What the gateway runs again when a silo or PostgreSQL is briefly out of reach, and what it does not.</summary>
public sealed class SafeRetryMiddlewareTests
{
    [Theory]
    [InlineData("GET", null)]
    [InlineData("POST", "receipt-0001")]
    public async Task A_read_or_a_keyed_write_that_met_a_transient_failure_is_run_again(string method, string? key)
    {
        var attempts = 0;
        var middleware = new SafeRetryMiddleware(
            _ => ++attempts < 3 ? throw new TimeoutException("Response did not arrive on time") : Task.CompletedTask,
            NullLogger<SafeRetryMiddleware>.Instance);

        await middleware.InvokeAsync(Request(method, key));

        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task A_write_without_an_idempotency_key_is_not_run_twice()
    {
        var attempts = 0;
        var middleware = new SafeRetryMiddleware(_ =>
        {
            attempts++;
            throw new TimeoutException("Response did not arrive on time");
        }, NullLogger<SafeRetryMiddleware>.Instance);

        await Assert.ThrowsAsync<TimeoutException>(() => middleware.InvokeAsync(Request("POST", key: null)));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_fault_of_the_request_is_not_retried()
    {
        var attempts = 0;
        var middleware = new SafeRetryMiddleware(_ =>
        {
            attempts++;
            throw new InvalidOperationException("a bug");
        }, NullLogger<SafeRetryMiddleware>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.InvokeAsync(Request("GET", key: null)));
        Assert.Equal(1, attempts);
    }

    private static DefaultHttpContext Request(string method, string? key)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Body = new MemoryStream("{}"u8.ToArray());
        if (key is not null)
        {
            context.Request.Headers[RequestFingerprint.IdempotencyHeader] = key;
        }

        return context;
    }
}
