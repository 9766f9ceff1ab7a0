using System.Collections.Concurrent;
using CaseGrains.Api.Tests.Infrastructure;
using CaseGrains.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CaseGrains.Api.Tests.Hosting;

/// <summary>Each request's log line carries the status the client was answered with: a request the platform refuses
/// with a problem document is not logged as a server error.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task A_query_parameter_that_does_not_bind_is_logged_as_the_400_it_was_answered_with()
    {
        var events = new CapturedEvents();
        await using var gateway = new GatewayFactory(
            postgresConnectionString: null, settings: new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" });
        var factory = gateway.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(events)));
        using var client = factory.CreateClient();
        var administrator = new CaseClient(() => client, Actors.Administrator.UserId, Actors.Administrator.OrganisationId, Actors.Administrator.Role);

        (await administrator.GetPathAsync("/api/v1/cluster/members?includeDead=maybe")).AssertProblem(400, "bad_request");

        // The line is written once the response is complete, which the client may see first.
        await Polling.UntilAsync(() => Task.FromResult(events.Requests("/api/v1/cluster/members").Any()), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(20));
        var line = Assert.Single(events.Requests("/api/v1/cluster/members"));
        Assert.Equal("400", line.Properties["StatusCode"].ToString());
        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Null(line.Exception);
        Assert.DoesNotContain(events.All, e => e.Level >= LogEventLevel.Error);
    }

    private sealed class CapturedEvents : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> events = new();

        public IReadOnlyList<LogEvent> All => [.. events];

        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

        /// <summary>The request log's lines for <paramref name="path"/>.</summary>
        public IEnumerable<LogEvent> Requests(string path) =>
            All.Where(e => e.Properties.TryGetValue("RequestPath", out var value) && value.ToString() == $"\"{path}\"");
    }
}
