namespace CaseGrains.Abstractions.Calendar;

/// <summary>A case whose deadlines a recomputation moved, and how many; its history's <c>recomputeDeadlines</c> entry
/// names each one with its due date before and after.</summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.RecomputedCase")]
public sealed record RecomputedCase([property: Id(0)] string CaseId, [property: Id(1)] int ChangedDeadlines);
