namespace CaseGrains.Domain.Access;

/// <summary>The answer of <see cref="CaseAccessPolicy"/> to "may this principal do this?"; each maps to one HTTP status.</summary>
public enum AccessDecision
{
    Allowed,

    /// <summary>404: the case is outside the principal's scope, and saying so would reveal that it exists.</summary>
    OutOfScope,

    /// <summary>403: the principal may see the case (or the intake point is public), but their role may not do this.</summary>
    Forbidden,
}
