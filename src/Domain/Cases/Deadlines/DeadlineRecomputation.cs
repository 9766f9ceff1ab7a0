namespace CaseGrains.Domain.Cases;

/// <summary>The case with its running deadlines counted on a new calendar, and the ones that moved (none when the case is
/// unchanged).</summary>
public sealed record DeadlineRecomputation(ReconsiderationCase Case, IReadOnlyList<DeadlineChange> Changes)
{
    public bool HasChanges => Changes.Count > 0;
}
