namespace CaseGrains.Hosting.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section: whether this process runs the dispatcher, and how it sends and
/// retries.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Whether this process runs the dispatcher in the background. Any number of processes may.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Whether subscriptions may use plain <c>http://</c> addresses. Unset: only in the Development and
    /// Testing environments.</summary>
    public bool? AllowInsecureHttp { get; set; }

    /// <summary>How long the dispatcher waits between rounds (reading the feed, sending what is due).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait after the first failed attempt; it doubles after each further one.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before a delivery is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The fraction by which a retry delay is shortened at random, at most (see <see cref="WebhookBackoff"/>).</summary>
    public double RetryJitter { get; set; } = 0.2;

    /// <summary>How long one attempt may take until the receiver's answer headers arrive.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts one dispatcher makes at the same time; also how many deliveries it claims at once.</summary>
    public int MaxConcurrentAttempts { get; set; } = 8;

    /// <summary>Notifications read from the feed at a time.</summary>
    public int FeedBatchSize { get; set; } = 200;

    /// <summary>How long a claimed delivery stays reserved to its dispatcher: long enough for one attempt with room to
    /// spare, short enough that a delivery of a dispatcher that died is soon sent by another.</summary>
    public TimeSpan LeaseDuration => (AttemptTimeout * 2) + TimeSpan.FromSeconds(30);

    public WebhookBackoff Backoff() => new(InitialRetryDelay, MaxRetryDelay, MaxAttempts, RetryJitter);
}
