namespace CaseGrains.Domain.Cases;

/// <summary>The latest suspension (中止, Art. 39) and the status the case returns to on resumption.</summary>
public sealed record Suspension
{
    public required SuspensionGround Ground { get; init; }

    public required DateOnly SuspendedOn { get; init; }

    public required CaseStatus StatusBefore { get; init; }

    public DateOnly? ResumedOn { get; init; }
}
