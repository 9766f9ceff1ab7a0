namespace CaseGrains.Hosting.Webhooks;

/// <summary>
/// When a failed delivery is tried again: after the n-th failed attempt, <c>initialDelay × 2^(n−1)</c>, at most
/// <c>maxDelay</c>, shortened by up to <c>jitter</c> of itself at random so that deliveries that failed together (a
/// receiver that was down) do not all come back at the same instant; after the <c>maxAttempts</c>-th, never.
/// Jitter only shortens, so no delay exceeds <c>maxDelay</c>.
/// </summary>
public sealed class WebhookBackoff
{
    private readonly TimeSpan initialDelay;
    private readonly TimeSpan maxDelay;
    private readonly int maxAttempts;
    private readonly double jitter;

    public WebhookBackoff(TimeSpan initialDelay, TimeSpan maxDelay, int maxAttempts, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initialDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, initialDelay);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        if (jitter is < 0 or >= 1 || double.IsNaN(jitter))
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Jitter is a fraction from 0 up to (not including) 1.");
        }

        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.maxAttempts = maxAttempts;
        this.jitter = jitter;
    }

    public int MaxAttempts => maxAttempts;

    /// <summary>
    /// How long to wait after <paramref name="failedAttempts"/> attempts have failed, or null when that was the last
    /// allowed. <paramref name="sample"/> is a uniform random number in [0, 1) (<see cref="Random.NextDouble"/>): 0
    /// gives the full delay, values towards 1 shorten it by up to the jitter fraction.
    /// </summary>
    public TimeSpan? DelayAfter(int failedAttempts, double sample)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        if (sample is < 0 or >= 1 || double.IsNaN(sample))
        {
            throw new ArgumentOutOfRangeException(nameof(sample), sample, "The sample is uniform in [0, 1).");
        }

        if (failedAttempts >= maxAttempts)
        {
            return null;
        }

        // In doubles, so that a large attempt count saturates at the cap instead of overflowing.
        var exponential = Math.Min(initialDelay.Ticks * Math.Pow(2, failedAttempts - 1), maxDelay.Ticks);
        return TimeSpan.FromTicks((long)(exponential * (1 - (jitter * sample))));
    }
}
