namespace CaseGrains.Domain.Supervision;

/// <summary>A finding as pattern detection orders it: by its day, then by case id (citation order).</summary>
internal readonly record struct PatternCandidate(int Day, string CaseId) : IComparable<PatternCandidate>
{
    public static PatternCandidate Of(AgencyFinding finding) => new(finding.FoundOn.DayNumber, finding.CaseId);

    /// <summary>What sorts before every finding of <paramref name="day"/>: no case has an empty id.</summary>
    public static PatternCandidate StartOf(int day) => new(day, string.Empty);

    public int CompareTo(PatternCandidate other) =>
        Day != other.Day ? Day.CompareTo(other.Day) : string.CompareOrdinal(CaseId, other.CaseId);
}
