namespace CaseGrains.Domain.Supervision;

/// <summary>The order an instrument cites its cases in: by the day of the finding (a case cited before it was decided
/// first), then by case id.</summary>
public sealed class CitationOrder : IComparer<Citation>
{
    public static CitationOrder Instance { get; } = new();

    private CitationOrder()
    {
    }

    public int Compare(Citation? x, Citation? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byDay = (x.FoundOn ?? DateOnly.MinValue).CompareTo(y.FoundOn ?? DateOnly.MinValue);
        return byDay != 0 ? byDay : string.CompareOrdinal(x.CaseId, y.CaseId);
    }
}
