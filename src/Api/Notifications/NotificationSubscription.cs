using System.Threading.Channels;
using CaseGrains.Persistence.Notifications;

namespace CaseGrains.Api.Notifications;

/// <summary>
/// One connected stream's share of the <see cref="NotificationHub"/>: the notifications its recipient sees, in feed order,
/// in a bounded buffer. The hub never waits for a subscriber: when the buffer is full the subscription is ended
/// (<see cref="Overflowed"/>), and the client resumes from its last event id. Disposing it leaves the hub.
/// </summary>
public sealed class NotificationSubscription : IDisposable
{
    private readonly Channel<StoredNotification> channel;
    private readonly NotificationHub hub;

    internal NotificationSubscription(NotificationHub hub, NotificationRecipient recipient, int capacity)
    {
        this.hub = hub;
        Recipient = recipient;
        channel = Channel.CreateBounded<StoredNotification>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public NotificationRecipient Recipient { get; }

    /// <summary>The recipient's notifications after the position the hub gave at subscription; completed when the
    /// subscription ends.</summary>
    public ChannelReader<StoredNotification> Notifications => channel.Reader;

    /// <summary>Whether the subscription was ended because its buffer was full.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Queues a notification; false, and nothing queued, when the buffer is full. Called by the hub only.</summary>
    internal bool TryDeliver(StoredNotification notification) => channel.Writer.TryWrite(notification);

    internal void End(bool overflowed)
    {
        Overflowed |= overflowed;
        channel.Writer.TryComplete();
    }

    public void Dispose() => hub.Unsubscribe(this);
}
