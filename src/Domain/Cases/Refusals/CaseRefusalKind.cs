namespace CaseGrains.Domain.Cases;

/// <summary>Why a command was refused; each kind maps to one HTTP status.</summary>
public enum CaseRefusalKind
{
    /// <summary>409: the action is not one the case allows in its current state.</summary>
    NotAllowed,

    /// <summary>422: the action is possible in this state but would break a rule of law.</summary>
    RuleViolation,

    /// <summary>400: the command itself is malformed.</summary>
    Invalid,

    /// <summary>Not an error: a system command had nothing to do (<see cref="CaseTransition.IsUnchanged"/>), so nothing
    /// is written. Never the answer to a user's request, since users cannot perform system actions.</summary>
    Unchanged,
}
