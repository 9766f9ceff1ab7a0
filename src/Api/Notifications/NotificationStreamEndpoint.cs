using System.Globalization;
using System.Text;
using System.Text.Json;
using CaseGrains.Api.Auth;
using CaseGrains.Api.Http;
using CaseGrains.Persistence.Notifications;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CaseGrains.Api.Notifications;

/// <summary>
/// <c>GET /api/v1/notifications/stream</c>: the caller's new notifications as Server-Sent Events. Each is an event
/// <c>notification</c> whose id is its feed position and whose data is its <see cref="NotificationView"/> (as written:
/// unread); read state lives in the inbox. On connecting, a client that sends <c>Last-Event-ID</c> first gets what it
/// missed after that event (looking through at most <see cref="NotificationStreamOptions.StreamReplayLimit"/> notifications
/// of the feed; past that an event <c>resync</c> tells it to reload its inbox instead); then every client gets an event
/// <c>ready</c> whose id is where the stream now stands, so that a reconnect resumes from there even if nothing came; then
/// live notifications from the <see cref="NotificationHub"/>. A comment every
/// <see cref="NotificationStreamOptions.StreamHeartbeatMilliseconds"/> keeps a silent stream open. A client too slow to keep
/// up is disconnected and resumes with <c>Last-Event-ID</c>.
/// </summary>
public static class NotificationStreamEndpoint
{
    private const string LastEventIdHeader = "Last-Event-ID";
    private const int ReplayPageSize = 500;

    public static async Task<IResult> StreamAsync(
        HttpContext http,
        NotificationHub hub,
        INotificationFeed feed,
        IOptions<NotificationStreamOptions> options,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        IHostApplicationLifetime lifetime)
    {
        NotificationPosition? lastEventId = null;
        if (http.Request.Headers[LastEventIdHeader].ToString() is { Length: > 0 } header)
        {
            if (!NotificationPosition.TryParse(header, out var parsed))
            {
                return Problems.Invalid(LastEventIdHeader, "expected the id of an event of this stream, such as 812-5");
            }

            lastEventId = parsed;
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var token = stopping.Token;
        var recipient = NotificationRecipients.Of(http.GetPrincipal());
        var stream = new EventWriter(http.Response, json.Value.SerializerOptions, token);
        try
        {
            var (subscription, live) = await hub.SubscribeAsync(recipient, token);
            using (subscription)
            {
                StartResponse(http);
                var cursor = live;
                if (lastEventId is { } resumeAfter)
                {
                    await ReplayAsync(stream, feed, recipient, resumeAfter, live, options.Value.StreamReplayLimit, token);
                    cursor = resumeAfter > live ? resumeAfter : live;
                }

                await stream.EventAsync("ready", cursor, "{}");
                await FollowAsync(stream, subscription, cursor, TimeSpan.FromMilliseconds(options.Value.StreamHeartbeatMilliseconds), token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client went away or the gateway is stopping: the stream simply ends.
        }

        return Results.Empty;
    }

    private static void StartResponse(HttpContext http)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";

        // Reverse proxies such as nginx would otherwise hold events back to fill a buffer.
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
    }

    /// <summary>Sends the recipient's notifications after <paramref name="after"/> up to <paramref name="live"/>, where the
    /// subscription takes over.</summary>
    private static async Task ReplayAsync(
        EventWriter stream, INotificationFeed feed, NotificationRecipient recipient, NotificationPosition after, NotificationPosition live, int limit,
        CancellationToken token)
    {
        var looked = 0;
        while (after < live)
        {
            if (looked >= limit)
            {
                await stream.EventAsync("resync", null, "{}");
                return;
            }

            var page = await feed.ReadAfterAsync(after, Math.Min(ReplayPageSize, limit - looked), token);
            foreach (var notification in page.TakeWhile(n => n.Position <= live))
            {
                if (recipient.Sees(notification))
                {
                    await stream.NotificationAsync(notification);
                }

                after = notification.Position;
            }

            await stream.FlushAsync();
            looked += page.Count;
            if (page.Count == 0 || page[^1].Position >= live)
            {
                return;
            }
        }
    }

    /// <summary>Sends the subscription's notifications after <paramref name="cursor"/> until it ends, with a heartbeat
    /// comment whenever it has been silent for <paramref name="heartbeat"/>.</summary>
    private static async Task FollowAsync(EventWriter stream, NotificationSubscription subscription, NotificationPosition cursor, TimeSpan heartbeat, CancellationToken token)
    {
        var notifications = subscription.Notifications;
        while (true)
        {
            bool more;
            using (var silence = CancellationTokenSource.CreateLinkedTokenSource(token))
            {
                silence.CancelAfter(heartbeat);
                try
                {
                    more = await notifications.WaitToReadAsync(silence.Token);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    await stream.CommentAsync("heartbeat");
                    continue;
                }
            }

            if (!more)
            {
                return;
            }

            while (notifications.TryRead(out var notification))
            {
                // A client resuming from an id ahead of this gateway's hub already has these.
                if (notification.Position > cursor)
                {
                    await stream.NotificationAsync(notification);
                    cursor = notification.Position;
                }
            }

            await stream.FlushAsync();
        }
    }

    /// <summary>Writes events in the text/event-stream format. Data is one line of JSON: the serializer escapes line breaks
    /// inside strings, so a field never spans lines.</summary>
    private sealed class EventWriter(HttpResponse response, JsonSerializerOptions json, CancellationToken token)
    {
        public Task NotificationAsync(StoredNotification notification) =>
            EventAsync("notification", notification.Position, JsonSerializer.Serialize(NotificationView.Of(notification, null), json), flush: false);

        public async Task EventAsync(string name, NotificationPosition? id, string data, bool flush = true)
        {
            var text = new StringBuilder();
            if (id is { } position)
            {
                text.Append(CultureInfo.InvariantCulture, $"id: {position}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"event: {name}\ndata: {data}\n\n");
            await response.WriteAsync(text.ToString(), token);
            if (flush)
            {
                await FlushAsync();
            }
        }

        public async Task CommentAsync(string comment)
        {
            await response.WriteAsync($": {comment}\n\n", token);
            await FlushAsync();
        }

        public Task FlushAsync() => response.Body.FlushAsync(token);
    }
}
