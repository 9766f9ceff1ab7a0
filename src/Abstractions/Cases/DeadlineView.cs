using CaseGrains.Domain.Deadlines;

namespace CaseGrains.Abstractions.Cases;

/// <summary>A deadline as a user sees it today: when it is due, its state, and, while it runs or is paused, how
/// many units are left (negative when overdue).</summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.DeadlineView")]
public sealed record DeadlineView(
    [property: Id(0)] DeadlineKind Kind,
    [property: Id(1)] string Basis,
    [property: Id(2)] DeadlineUnit Unit,
    [property: Id(3)] int Length,
    [property: Id(4)] DateOnly StartedOn,
    [property: Id(5)] DateOnly DueOn,
    [property: Id(6)] DeadlineStatus Status,
    [property: Id(7)] int? Remaining,
    [property: Id(8)] bool Provisional,
    [property: Id(9)] int ExtendedByDays,
    [property: Id(10)] DateOnly? CompletedOn);
