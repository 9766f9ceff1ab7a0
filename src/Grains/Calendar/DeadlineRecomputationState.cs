using CaseGrains.Abstractions.Calendar;

namespace CaseGrains.Grains.Calendar;

/// <summary>A year's deadline recomputation as stored after every batch: the report so far and where the next batch
/// starts.</summary>
[GenerateSerializer, Alias("CaseGrains.DeadlineRecomputationState")]
public sealed class DeadlineRecomputationState
{
    /// <summary>The current or last run; null before the first.</summary>
    [Id(0)] public DeadlineRecomputationReport? Report { get; set; }

    /// <summary>The last case of the last stored batch: the next batch reads the candidates after it (null: from the
    /// first).</summary>
    [Id(1)] public string? Cursor { get; set; }
}
