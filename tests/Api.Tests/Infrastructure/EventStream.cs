using System.Net.Http.Headers;
using System.Text.Json;

namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>One Server-Sent Event as received: its id (null when it set none), its name and its data.</summary>
public sealed record ServerSentEvent(string? Id, string Event, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement.Clone();
}

/// <summary>
/// A client of <c>GET /api/v1/notifications/stream</c> for one user: reads the text/event-stream line by line and hands
/// back each event, or each comment (a line starting with a colon) when asked for them.
/// </summary>
public sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        this.response = response;
        this.reader = reader;
    }

    public int StatusCode => (int)response.StatusCode;

    public string? MediaType => response.Content.Headers.ContentType?.MediaType;

    /// <summary>The comments received so far (heartbeats).</summary>
    public List<string> Comments { get; } = [];

    /// <summary>Connects as <paramref name="who"/>, resuming after <paramref name="lastEventId"/> when given.</summary>
    public static async Task<EventStream> OpenAsync(HttpClient http, Who who, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications/stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.TokenFor(who));
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event; fails the test when none comes within <paramref name="timeout"/> (default 15 s).</summary>
    public async Task<ServerSentEvent> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        string? id = null;
        string? name = null;
        var data = new List<string>();
        while (true)
        {
            var line = await reader.ReadLineAsync(cancel.Token) ?? throw new EndOfStreamException("The stream ended.");
            if (line.Length == 0)
            {
                if (data.Count > 0 || name is not null)
                {
                    return new ServerSentEvent(id, name ?? "message", string.Join('\n', data));
                }

                continue;
            }

            if (line[0] == ':')
            {
                Comments.Add(line[1..].Trim());
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    name = value;
                    break;
                case "data":
                    data.Add(value);
                    break;
            }
        }
    }

    /// <summary>The next event, which must be named <paramref name="name"/>.</summary>
    public async Task<ServerSentEvent> NextAsync(string name, TimeSpan? timeout = null)
    {
        var next = await NextAsync(timeout);
        Assert.True(next.Event == name, $"expected event '{name}', got {next}");
        return next;
    }

    /// <summary>The next comment (a heartbeat), passing over any event; fails the test when none comes within
    /// <paramref name="timeout"/>.</summary>
    public async Task<string> NextCommentAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = await reader.ReadLineAsync(cancel.Token) ?? throw new EndOfStreamException("The stream ended.");
            if (line.StartsWith(':'))
            {
                Comments.Add(line[1..].Trim());
                return Comments[^1];
            }
        }
    }

    /// <summary>Whether the stream ends (the server closed it) within <paramref name="timeout"/>, reading past any events.</summary>
    public async Task<bool> EndsWithinAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await reader.ReadLineAsync(cancel.Token) is not null)
            {
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The whole body of an answer that is not a stream (a refusal).</summary>
    public Task<string> ReadToEndAsync() => reader.ReadToEndAsync();

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
