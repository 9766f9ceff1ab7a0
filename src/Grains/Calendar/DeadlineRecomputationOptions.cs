namespace CaseGrains.Grains.Calendar;

/// <summary>How a deadline recomputation runs (configuration section <c>Recomputation</c>).</summary>
public sealed class DeadlineRecomputationOptions
{
    public const string Section = "Recomputation";

    /// <summary>Whether a run works through its batches by itself (grain timer, Orleans reminder). Off, a batch runs only
    /// when <c>RunBatch</c> is called: tests that stop a silo between two batches turn it off.</summary>
    public bool RunsByItself { get; set; } = true;

    /// <summary>Candidate cases read and recomputed per batch; progress is stored after each.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Case calls one run has in flight at once.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>How soon a batch in which some cases did not answer is tried again (for those cases only).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times a batch is tried before the cases that still did not answer are reported as failed.</summary>
    public int Attempts { get; set; } = 3;
}
