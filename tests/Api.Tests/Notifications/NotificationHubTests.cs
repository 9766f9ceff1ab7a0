using CaseGrains.Api.Notifications;
using CaseGrains.Domain.Access;
using CaseGrains.Persistence.Notifications;
using Microsoft.Extensions.Options;

namespace CaseGrains.Api.Tests.Notifications;

/// <summary>The gateway's in-process fan-out on its own: who receives which notification, where a subscription starts,
/// and what happens to a subscriber that does not keep up.</summary>
public sealed class NotificationHubTests
{
    private static readonly NotificationRecipient Officer = new("officer-1", "B-1", Role.CaseOfficer);
    private static readonly NotificationRecipient Head = new("head-1", "B-1", Role.BodyHead);
    private static readonly NotificationRecipient Stranger = new("officer-9", "B-9", Role.CaseOfficer);

    private static NotificationHub Hub(int bufferSize = 16) =>
        new(Options.Create(new NotificationStreamOptions { StreamBufferSize = bufferSize }));

    private static StoredNotification N(long id, string? organisation = null, string? role = null, string? user = null) =>
        new(id, new NotificationPosition(100 + id, id), "C-1", DateTimeOffset.UnixEpoch, "reminderFired", organisation, role, user, $"n{id}", "正文", "{}");

    private static List<long> Drain(NotificationSubscription subscription)
    {
        var ids = new List<long>();
        while (subscription.Notifications.TryRead(out var notification))
        {
            ids.Add(notification.Id);
        }

        return ids;
    }

    [Fact]
    public async Task A_subscription_waits_for_the_poller_and_starts_after_the_position_it_is_given()
    {
        var hub = Hub();
        var subscribing = hub.SubscribeAsync(Officer, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(subscribing.IsCompleted);

        hub.Start(new NotificationPosition(7, 3));
        var (_, after) = await subscribing;
        hub.Publish([N(4, organisation: "B-1")]);
        var (_, later) = await hub.SubscribeAsync(Head, CancellationToken.None);

        Assert.Equal(new NotificationPosition(7, 3), after);
        Assert.Equal(N(4).Position, later);
    }

    [Fact]
    public async Task Each_subscription_receives_in_order_what_its_recipient_sees()
    {
        var hub = Hub();
        hub.Start(NotificationPosition.Start);
        var (officer, _) = await hub.SubscribeAsync(Officer, CancellationToken.None);
        var (head, _) = await hub.SubscribeAsync(Head, CancellationToken.None);
        var (stranger, _) = await hub.SubscribeAsync(Stranger, CancellationToken.None);

        hub.Publish([N(1, organisation: "B-1"), N(2, organisation: "B-1", role: "caseOfficer"), N(3, organisation: "B-1", role: "bodyHead")]);
        hub.Publish([N(4, user: "officer-1"), N(5, organisation: "B-2"), N(6, user: "officer-9")]);

        Assert.Equal([1L, 2, 4], Drain(officer));
        Assert.Equal([1L, 3], Drain(head));
        Assert.Equal([6L], Drain(stranger));
        Assert.Equal(N(6).Position, hub.Position);
    }

    [Fact]
    public async Task A_subscriber_whose_buffer_is_full_is_ended_after_what_fitted_and_gets_nothing_more()
    {
        var hub = Hub(bufferSize: 2);
        hub.Start(NotificationPosition.Start);
        var (slow, _) = await hub.SubscribeAsync(Officer, CancellationToken.None);
        var (head, _) = await hub.SubscribeAsync(Head, CancellationToken.None);

        hub.Publish([N(1, user: "officer-1"), N(2, user: "officer-1"), N(3, user: "officer-1"), N(4, organisation: "B-1")]);

        Assert.True(slow.Overflowed);
        Assert.Equal([1L, 2], Drain(slow));
        Assert.True(slow.Notifications.Completion.IsCompleted);
        Assert.Equal([4L], Drain(head));
        Assert.False(head.Overflowed);
        Assert.Equal(1, hub.SubscriberCount);
    }

    [Fact]
    public async Task Leaving_or_stopping_ends_subscriptions()
    {
        var hub = Hub();
        hub.Start(NotificationPosition.Start);
        var (left, _) = await hub.SubscribeAsync(Officer, CancellationToken.None);
        var (stayed, _) = await hub.SubscribeAsync(Head, CancellationToken.None);

        left.Dispose();
        Assert.Equal(1, hub.SubscriberCount);
        Assert.True(left.Notifications.Completion.IsCompleted);

        hub.Stop();
        var (late, _) = await hub.SubscribeAsync(Stranger, CancellationToken.None);

        Assert.True(stayed.Notifications.Completion.IsCompleted);
        Assert.True(late.Notifications.Completion.IsCompleted);
        Assert.False(stayed.Overflowed);
        Assert.Equal(0, hub.SubscriberCount);
    }
}
