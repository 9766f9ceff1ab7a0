using CaseGrains.Domain.Deadlines;

namespace CaseGrains.Domain.Cases;

/// <summary>A running deadline whose due date or provisional flag moved when it was counted on a new calendar.</summary>
public sealed record DeadlineChange
{
    /// <summary>The deadline's position in <see cref="ReconsiderationCase.Deadlines"/>.</summary>
    public required int DeadlineId { get; init; }

    public required DeadlineKind Kind { get; init; }

    public required DateOnly PreviousDueOn { get; init; }

    public required DateOnly DueOn { get; init; }

    public required bool WasProvisional { get; init; }

    public required bool Provisional { get; init; }
}
