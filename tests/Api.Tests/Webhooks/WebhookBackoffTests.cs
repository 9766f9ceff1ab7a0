using CaseGrains.Hosting.Webhooks;

namespace CaseGrains.Api.Tests.Webhooks;

/// <summary>The retry schedule: doubling from the first delay up to the cap, shortened by at most the jitter
/// fraction, and no delay after the last attempt.</summary>
public sealed class WebhookBackoffTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void The_default_schedule_doubles_from_10_seconds_and_gives_up_after_the_8th_attempt()
    {
        var backoff = new WebhookOptions().Backoff();

        Assert.Equal(8, backoff.MaxAttempts);
        Assert.Equal(
            [S(10), S(20), S(40), S(80), S(160), S(320), S(640), null],
            Enumerable.Range(1, 8).Select(n => backoff.DelayAfter(n, 0)));
    }

    [Fact]
    public void Delays_stop_growing_at_the_cap()
    {
        var backoff = new WebhookBackoff(S(10), TimeSpan.FromHours(1), 100, 0);

        Assert.Equal(S(2560), backoff.DelayAfter(9, 0));
        Assert.Equal(TimeSpan.FromHours(1), backoff.DelayAfter(10, 0));
        Assert.Equal(TimeSpan.FromHours(1), backoff.DelayAfter(99, 0));
        Assert.Null(backoff.DelayAfter(100, 0));
        Assert.Null(backoff.DelayAfter(int.MaxValue, 0));
    }

    [Theory]
    [InlineData(0.0, 40.0)]
    [InlineData(0.5, 36.0)]
    [InlineData(0.999999, 32.000008)]
    public void Jitter_shortens_a_delay_by_at_most_its_fraction(double sample, double seconds)
    {
        var backoff = new WebhookBackoff(S(10), TimeSpan.FromHours(1), 8, 0.2);

        Assert.Equal(S(seconds).TotalMilliseconds, backoff.DelayAfter(3, sample)!.Value.TotalMilliseconds, 3);
    }

    [Fact]
    public void Jitter_never_lengthens_a_delay_beyond_the_cap()
    {
        var backoff = new WebhookBackoff(S(10), S(60), 20, 0.5);

        Assert.All(Enumerable.Range(1, 19), n => Assert.InRange(backoff.DelayAfter(n, 0.3)!.Value, S(5), S(60)));
    }

    [Fact]
    public void A_schedule_that_cannot_work_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookBackoff(TimeSpan.Zero, S(60), 8, 0.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookBackoff(S(10), S(5), 8, 0.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookBackoff(S(10), S(60), 0, 0.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookBackoff(S(10), S(60), 8, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookBackoff(S(10), S(60), 8, -0.1));
        var backoff = new WebhookBackoff(S(10), S(60), 8, 0.2);
        Assert.Throws<ArgumentOutOfRangeException>(() => backoff.DelayAfter(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => backoff.DelayAfter(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => backoff.DelayAfter(1, double.NaN));
    }
}
