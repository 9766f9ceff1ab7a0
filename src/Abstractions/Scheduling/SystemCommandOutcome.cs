namespace CaseGrains.Abstractions.Scheduling;

/// <summary>A case's answer to a system command: what happened, the refusal or no-op code when nothing was recorded, and
/// how many deadlines moved (a recomputation).</summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.SystemCommandOutcome")]
public sealed record SystemCommandOutcome(
    [property: Id(0)] SystemCommandOutcomeKind Kind,
    [property: Id(1)] string? Code = null,
    [property: Id(2)] int ChangedDeadlines = 0);
