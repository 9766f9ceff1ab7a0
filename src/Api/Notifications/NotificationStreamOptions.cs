using System.ComponentModel.DataAnnotations;

namespace CaseGrains.Api.Notifications;

/// <summary>The live stream's settings, from the <c>Notifications</c> section.</summary>
public sealed class NotificationStreamOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the gateway's one poller reads the feed for new notifications.</summary>
    [Range(10, 60_000)]
    public int StreamPollMilliseconds { get; set; } = 1_000;

    /// <summary>How long a stream may stay silent before it sends a comment, so that proxies keep it open and a client
    /// that went away is noticed.</summary>
    [Range(100, 300_000)]
    public int StreamHeartbeatMilliseconds { get; set; } = 15_000;

    /// <summary>Notifications waiting for one subscriber; a subscriber that falls this far behind is disconnected and
    /// resumes with <c>Last-Event-ID</c>.</summary>
    [Range(1, 100_000)]
    public int StreamBufferSize { get; set; } = 256;

    /// <summary>At most this many notifications of the feed (anyone's) are looked through to replay what a reconnecting
    /// subscriber missed; past that, it is told to reload its inbox instead.</summary>
    [Range(1, 1_000_000)]
    public int StreamReplayLimit { get; set; } = 10_000;
}
