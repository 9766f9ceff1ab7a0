namespace CaseGrains.Abstractions.Cases;

/// <summary>Why a case request did not change anything. Each kind maps to one HTTP status.</summary>
public enum CaseFailureKind
{
    /// <summary>404: no such case.</summary>
    NotFound,

    /// <summary>409: the action is not allowed in the case's current state.</summary>
    NotAllowed,

    /// <summary>422: the action would break a rule of law.</summary>
    RuleViolation,

    /// <summary>400: the input is invalid.</summary>
    Invalid,

    /// <summary>412: the case changed since the version the caller read (If-Match).</summary>
    VersionMismatch,

    /// <summary>422: the idempotency key was already used for a different request.</summary>
    IdempotencyKeyReused,

    /// <summary>409: a case with this id already exists.</summary>
    AlreadyExists,

    /// <summary>409: another writer changed the case at the same moment; the request can be retried.</summary>
    Conflict,

    /// <summary>403: the caller may see the case but their role may not do this.</summary>
    Forbidden,
}
