namespace CaseGrains.Abstractions.Calendar;

/// <summary>Where a deadline recomputation is.</summary>
public enum DeadlineRecomputationStatus
{
    /// <summary>Waiting for every silo to count on the new calendar, or working through the cases.</summary>
    Running,

    /// <summary>Every candidate case was asked.</summary>
    Completed,
}
