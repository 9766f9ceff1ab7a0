namespace CaseGrains.Persistence.Cases;

/// <summary>The case was changed by someone else since it was loaded; nothing was written.</summary>
public sealed class ConcurrencyConflictException(string caseId, long expectedVersion)
    : Exception($"Case {caseId} is no longer at version {expectedVersion}.")
{
    public string CaseId { get; } = caseId;

    public long ExpectedVersion { get; } = expectedVersion;
}
