namespace CaseGrains.Domain.Deadlines;

/// <summary>Where a deadline is in its life, as stored. Whether it was met or missed is derived from the dates.</summary>
public enum DeadlinePhase
{
    Running,
    Paused,
    Completed,
    Cancelled,
}
