using CaseGrains.Api.Tests.Infrastructure;

namespace CaseGrains.Api.Tests.Notifications;

/// <summary>The embedded default (no database) with a stream that polls every 100 ms.</summary>
public sealed class EmbeddedStreamGateway : IAsyncLifetime
{
    public EmbeddedGateway Gateway { get; } = new(new Dictionary<string, string?> { ["Notifications:StreamPollMilliseconds"] = "100" });

    public Task InitializeAsync() => Gateway.InitializeAsync();

    public Task DisposeAsync() => Gateway.DisposeAsync();
}

/// <summary>Notifications work the same without PostgreSQL: the in-memory stores keep them, the stream delivers them.</summary>
public sealed class EmbeddedNotificationTests(EmbeddedStreamGateway fixture) : IClassFixture<EmbeddedStreamGateway>
{
    [Fact]
    public async Task A_notification_written_in_memory_is_streamed_listed_counted_and_marked_read()
    {
        var gateway = fixture.Gateway;
        var notices = new Notices(gateway.Factory, gateway.As(Actors.TrafficPointClerk));
        var caseId = await notices.CaseAsync("内存通知");
        await using var stream = await EventStream.OpenAsync(gateway.Client, Actors.DadongOfficer);
        await stream.NextAsync("ready");

        await notices.AppendAsync(caseId, Notices.ToOrganisation(Actors.DadongBody, "内存里的", "caseOfficer"), Notices.ToOrganisation(Actors.HepingBody, "别处的"));

        var streamed = await stream.NextAsync("notification");
        Assert.Equal("内存里的", streamed.Json.GetProperty("title").GetString());
        var officer = gateway.As(Actors.DadongOfficer);
        var listed = (await officer.GetPathAsync("/api/v1/notifications")).Body.GetProperty("items");
        Assert.Equal(["内存里的"], listed.EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(1L, (await officer.GetPathAsync("/api/v1/notifications/unread-count")).Body.GetProperty("unread").GetInt64());

        var id = listed[0].GetProperty("id").GetInt64();
        Assert.Equal(204, (await officer.SendAsync(HttpMethod.Post, $"/api/v1/notifications/{id}/read")).StatusCode);
        Assert.Equal(0L, (await officer.GetPathAsync("/api/v1/notifications/unread-count")).Body.GetProperty("unread").GetInt64());
        Assert.Empty((await gateway.As(Actors.DadongHead).GetPathAsync("/api/v1/notifications")).Body.GetProperty("items").EnumerateArray());
    }
}
