using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseGrains.Api.Tests.Webhooks;

/// <summary>
/// A real HTTP server on a free loopback port (Kestrel on 127.0.0.1:0) that records every request and answers with the
/// status <see cref="Answer"/> gives for the request's number (1, 2, ...); a status of 0 means no answer at all: the
/// request is held until the client gives up.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const int NoAnswer = 0;

    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private readonly Channel<ReceivedWebhook> arrivals = Channel.CreateUnbounded<ReceivedWebhook>();
    private int count;

    private WebhookReceiver(WebApplication app) => this.app = app;

    /// <summary>The status for the n-th request (from 1); 200 unless a test says otherwise.</summary>
    public Func<int, int> Answer { get; set; } = _ => 200;

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public IReadOnlyList<ReceivedWebhook> Received => [.. received.OrderBy(r => r.Number)];

    public string UrlFor(string path) => BaseUrl + path;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        receiver.app.Map("/{**path}", receiver.HandleAsync);
        await receiver.app.StartAsync();
        receiver.BaseUrl = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return receiver;
    }

    /// <summary>Waits (real time, bounded) for the next request to arrive.</summary>
    public async Task<ReceivedWebhook> NextArrivalAsync() => await arrivals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var request = new ReceivedWebhook(
            Interlocked.Increment(ref count),
            context.Request.Path,
            context.Request.ContentType,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray());
        received.Enqueue(request);
        arrivals.Writer.TryWrite(request);

        var status = Answer(request.Number);
        if (status == NoAnswer)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return;
        }

        context.Response.StatusCode = status;
        if (status is >= 300 and < 400)
        {
            context.Response.Headers.Location = BaseUrl + "/redirected";
        }
    }
}
