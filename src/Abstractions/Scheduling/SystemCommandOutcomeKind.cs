namespace CaseGrains.Abstractions.Scheduling;

/// <summary>How a case answered a system command.</summary>
public enum SystemCommandOutcomeKind
{
    /// <summary>The change and its history entry are committed.</summary>
    Recorded,

    /// <summary>Nothing to do (already recorded, stale, superseded, nothing moved); nothing was written.</summary>
    Unchanged,

    /// <summary>Not yet: the step's day has not come by the case's clock. Deliver it again later.</summary>
    NotDue,

    /// <summary>The case refused the command for another reason, or does not exist; delivering it again will not help.</summary>
    Refused,
}
