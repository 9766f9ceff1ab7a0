using CaseGrains.Grains.Supervision;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CaseGrains.Grains.Tests.Supervision;

public sealed class LeftToRelayWarningTests
{
    private readonly FakeLogger logger = new();
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void The_first_commit_left_to_the_relay_is_written_at_once()
    {
        new LeftToRelayWarning(logger, time).Add(messageCount: 2, deliveriesInFlight: 1000);

        var line = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Equal("2 outbox messages of 1 commits were left to the relay: 1000 deliveries were already under way", line.Message);
    }

    [Fact]
    public void Commits_within_the_interval_are_counted_into_the_next_line_not_written_each()
    {
        var warning = new LeftToRelayWarning(logger, time);
        warning.Add(1, 1000);
        for (var i = 0; i < 500; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(19));
            warning.Add(2, 1000);
        }

        Assert.Single(logger.Collector.GetSnapshot());

        time.Advance(LeftToRelayWarning.Interval - TimeSpan.FromMilliseconds(9_500));
        warning.Add(3, 1000);

        var lines = logger.Collector.GetSnapshot();
        Assert.Equal(2, lines.Count);
        Assert.Equal("1003 outbox messages of 501 commits were left to the relay: 1000 deliveries were already under way", lines[1].Message);
    }
}
