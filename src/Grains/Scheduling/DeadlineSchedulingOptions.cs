namespace CaseGrains.Grains.Scheduling;

/// <summary>How the deadline scheduler runs (configuration section <c>Scheduling</c>).</summary>
public sealed class DeadlineSchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Whether scheduler partitions wake by themselves (timer, Orleans reminder, the silo's keeper). Off, they
    /// deliver only when <c>Tick</c> is called: tests that drive the clock turn it off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The longest a partition sleeps, so that a step committed with a fire time before its planned wake-up
    /// (a late registration, a short period) is picked up within this time.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How soon a partition tries again a delivery its case could not take (not yet due by the case's clock,
    /// or a failure such as the database being down).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Due entries read from the index at a time: one batch is one turn of the partition grain.</summary>
    public int BatchSize { get; set; } = 128;

    /// <summary>Deliveries one partition has in flight at once.</summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>How far ahead a partition with nothing due loads the subjects of the steps coming due, so that a burst
    /// of steps due at the same minute commits them instead of first loading every subject. Zero turns it off.</summary>
    public TimeSpan PreloadAhead { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most subjects one partition holds loaded ahead of their steps; with 64 partitions, 2,048 each
    /// bounds what preloading keeps in memory to about 131,000 activations.</summary>
    public int PreloadLimit { get; set; } = 2048;

    /// <summary>How often each silo makes sure every partition is active somewhere: after a silo dies, its partitions
    /// come back on another silo within this time of the cluster noticing.</summary>
    public TimeSpan KeeperInterval { get; set; } = TimeSpan.FromSeconds(15);
}
