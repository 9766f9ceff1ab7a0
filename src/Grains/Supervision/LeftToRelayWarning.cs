using Microsoft.Extensions.Logging;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// The warning that a silo left commits' outbox messages to the relay because its deliveries were all under way
/// (<see cref="BackgroundDelivery"/>). An agency that stops answering holds every delivery it is sent, and from then on
/// every commit owing it a finding finds them full: a line per commit would flood the log at the rate of commits, just
/// when an operator reads it. The first such commit writes a line at once; those after it are counted, and the first
/// commit at least <see cref="Interval"/> after the last line writes their sum. The relay delivers every message either
/// way; what is still counted when commits stop coming is never written.
/// </summary>
public sealed class LeftToRelayWarning(ILogger logger, TimeProvider time)
{
    /// <summary>The least time between two lines.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private long? lastLineAt;
    private int commits;
    private long messages;

    /// <summary>Counts a commit whose <paramref name="messageCount"/> messages were left to the relay, and writes the line
    /// when it is due.</summary>
    public void Add(int messageCount, int deliveriesInFlight)
    {
        int commitsCounted;
        long messagesCounted;
        lock (gate)
        {
            commits++;
            messages += messageCount;
            var now = time.GetTimestamp();
            if (lastLineAt is { } last && time.GetElapsedTime(last, now) < Interval)
            {
                return;
            }

            lastLineAt = now;
            (commitsCounted, messagesCounted) = (commits, messages);
            (commits, messages) = (0, 0);
        }

        logger.LogWarning(
            "{Messages} outbox messages of {Commits} commits were left to the relay: {DeliveriesInFlight} deliveries were already under way",
            messagesCounted,
            commitsCounted,
            deliveriesInFlight);
    }
}
