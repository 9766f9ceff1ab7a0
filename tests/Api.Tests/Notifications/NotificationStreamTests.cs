using System.Text.Json;
using CaseGrains.Api.Notifications;
using CaseGrains.Api.Tests.Infrastructure;
using CaseGrains.Domain.Access;
using CaseGrains.Persistence.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace CaseGrains.Api.Tests.Notifications;

/// <summary>A gateway on PostgreSQL whose stream polls every 100 ms, beats every 400 ms and replays at most 6
/// notifications, with one Dadong case to write notifications to.</summary>
public sealed class StreamWorld : IAsyncLifetime
{
    public const int ReplayLimit = 6;

    public PostgresGateway Gateway { get; } = new(new Dictionary<string, string?>
    {
        ["Notifications:StreamPollMilliseconds"] = "100",
        ["Notifications:StreamHeartbeatMilliseconds"] = "400",
        ["Notifications:StreamReplayLimit"] = ReplayLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public Notices Notices { get; private set; } = null!;

    public string CaseId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Gateway.InitializeAsync();
        Notices = new Notices(Gateway.Factory, Gateway.As(Actors.TrafficPointClerk));
        CaseId = await Notices.CaseAsync("推送甲");
    }

    public Task DisposeAsync() => Gateway.DisposeAsync();
}

/// <summary>
/// <c>GET /api/v1/notifications/stream</c> on PostgreSQL: a connected user receives what they see as it is written, and
/// a reconnecting one what they missed. Each test is a user of its own, so no test sees another's notifications.
/// </summary>
public sealed class NotificationStreamTests(StreamWorld world) : IClassFixture<StreamWorld>
{
    private static Who Officer(string userId) => new(userId, Actors.DadongBody, Role.CaseOfficer);

    private Task<EventStream> OpenAsync(Who who, string? lastEventId = null) => EventStream.OpenAsync(world.Gateway.Client, who, lastEventId);

    private Task AppendAsync(params NotificationDraft[] notifications) => world.Notices.AppendAsync(world.CaseId, notifications);

    /// <summary>
    /// Waits until the gateway's poller has published everything written so far, so that a stream opened now replays it
    /// rather than receiving it live, and starts after it. The feed may hold rows back while a transaction anywhere on the
    /// server is older than theirs (other test classes write to it too), so this counts the rows written and waits for the
    /// feed to hold them all, then for the hub to have passed the last.
    /// </summary>
    private async Task PublishedAsync()
    {
        var feed = world.Gateway.Factory.Services.GetRequiredService<INotificationFeed>();
        var hub = world.Gateway.Factory.Services.GetRequiredService<NotificationHub>();
        var written = await world.Gateway.Database.ScalarAsync<long>("SELECT count(*) FROM notifications");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var all = await feed.ReadAfterAsync(NotificationPosition.Start, 10_000);
            if (all.Count >= written && (all.Count == 0 || hub.Position >= all[^1].Position))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the poller did not publish everything written");
            await Task.Delay(50);
        }
    }

    private static string Title(ServerSentEvent notification) => notification.Json.GetProperty("title").GetString()!;

    private static NotificationPosition Position(ServerSentEvent e) => Parsed(e.Id);

    private static NotificationPosition Parsed(string? id)
    {
        Assert.True(NotificationPosition.TryParse(id, out var position), $"event id '{id}' is not a position");
        return position;
    }

    [Fact]
    public async Task A_connected_user_receives_what_they_see_as_it_is_written_and_nothing_else()
    {
        var me = Officer("stream-officer-1");
        await using var stream = await OpenAsync(me);
        Assert.Equal(200, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.MediaType);
        var ready = await stream.NextAsync("ready");

        await AppendAsync(
            Notices.ToUser("stream-someone-else", "不是我的"),
            Notices.ToOrganisation(Actors.HepingBody, "和平的"),
            Notices.ToOrganisation(Actors.DadongBody, "负责人的", "bodyHead"),
            Notices.ToOrganisation(Actors.DadongBody, "承办人的", "caseOfficer"),
            Notices.ToUser(me.UserId, "我的"));

        var toOfficers = await stream.NextAsync("notification");
        var toMe = await stream.NextAsync("notification");
        Assert.Equal(["承办人的", "我的"], new[] { Title(toOfficers), Title(toMe) });
        Assert.True(Position(ready) < Position(toOfficers) && Position(toOfficers) < Position(toMe));
        var data = toMe.Json;
        Assert.Equal(world.CaseId, data.GetProperty("caseId").GetString());
        Assert.Equal(me.UserId, data.GetProperty("recipientUserId").GetString());
        Assert.Equal("advanceWarning", data.GetProperty("payload").GetProperty("step").GetString());
        Assert.False(data.GetProperty("read").GetBoolean());
        Assert.Equal(Position(toMe).Id, data.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_reconnecting_user_gets_what_they_missed_after_their_last_event_then_ready_then_live()
    {
        var me = Officer("stream-officer-2");
        string lastSeen;
        await using (var first = await OpenAsync(me))
        {
            await first.NextAsync("ready");
            await AppendAsync(Notices.ToUser(me.UserId, "甲"));
            lastSeen = (await first.NextAsync("notification")).Id!;
        }

        await AppendAsync(Notices.ToUser(me.UserId, "乙"), Notices.ToOrganisation(Actors.HepingBody, "和平的"));
        await AppendAsync(Notices.ToUser(me.UserId, "丙"));
        await PublishedAsync();

        await using var resumed = await OpenAsync(me, lastSeen);
        var missed = new[] { await resumed.NextAsync("notification"), await resumed.NextAsync("notification") };
        var ready = await resumed.NextAsync("ready");

        Assert.Equal(["乙", "丙"], missed.Select(Title));
        Assert.True(Position(missed[0]) > Parsed(lastSeen));
        Assert.True(Position(ready) >= Position(missed[1]));

        await AppendAsync(Notices.ToUser(me.UserId, "丁"));
        Assert.Equal("丁", Title(await resumed.NextAsync("notification")));
    }

    [Fact]
    public async Task Resuming_from_the_ready_event_replays_nothing()
    {
        var me = Officer("stream-officer-3");
        string readyId;
        await using (var first = await OpenAsync(me))
        {
            readyId = (await first.NextAsync("ready")).Id!;
        }

        await using var resumed = await OpenAsync(me, readyId);
        var ready = await resumed.NextAsync("ready");
        await AppendAsync(Notices.ToUser(me.UserId, "新的"));

        Assert.True(Position(ready) >= Parsed(readyId));
        Assert.Equal("新的", Title(await resumed.NextAsync("notification")));
    }

    [Fact]
    public async Task A_user_away_for_more_than_the_replay_limit_is_told_to_reload_the_inbox()
    {
        var me = Officer("stream-officer-4");
        await PublishedAsync();
        string readyId;
        await using (var first = await OpenAsync(me))
        {
            readyId = (await first.NextAsync("ready")).Id!;
        }

        await AppendAsync([.. Enumerable.Range(0, StreamWorld.ReplayLimit + 2).Select(i => Notices.ToUser(me.UserId, $"错过{i}"))]);
        await PublishedAsync();

        await using var resumed = await OpenAsync(me, readyId);
        var replayed = new List<string>();
        ServerSentEvent next;
        while ((next = await resumed.NextAsync()).Event == "notification")
        {
            replayed.Add(Title(next));
        }

        Assert.Equal("resync", next.Event);
        Assert.Equal([.. Enumerable.Range(0, StreamWorld.ReplayLimit).Select(i => $"错过{i}")], replayed);
        var ready = await resumed.NextAsync("ready");
        Assert.Equal(StreamWorld.ReplayLimit + 2, (await world.Gateway.As(me).GetPathAsync("/api/v1/notifications/unread-count")).Body.GetProperty("unread").GetInt64());
        Assert.NotNull(ready.Id);
    }

    [Fact]
    public async Task A_silent_stream_sends_heartbeat_comments()
    {
        await using var stream = await OpenAsync(Officer("stream-officer-5"));
        await stream.NextAsync("ready");

        Assert.Equal("heartbeat", await stream.NextCommentAsync(TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12")]
    [InlineData("-1-2")]
    [InlineData("1-2-3")]
    [InlineData("1- 2")]
    public async Task A_malformed_last_event_id_is_refused_naming_the_header(string lastEventId)
    {
        await using var stream = await OpenAsync(Officer("stream-officer-6"), lastEventId);

        Assert.Equal(400, stream.StatusCode);
        var body = JsonDocument.Parse(await stream.ReadToEndAsync()).RootElement;
        Assert.Equal("invalid_input", body.GetProperty("code").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty("Last-Event-ID", out _));
    }
}
