namespace CaseGrains.Domain.Deadlines;

/// <summary>The state of a deadline as a user sees it on a given day.</summary>
public enum DeadlineStatus
{
    Running,
    Paused,
    Met,
    Missed,

    /// <summary>No longer applies because the case went another way (for example withdrawn before a reply was due).</summary>
    Cancelled,
}
