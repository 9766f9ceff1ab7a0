namespace CaseGrains.Persistence.Cases;

/// <summary>List orders. Ties are broken by case id (ordinal), in the same direction as the sort, so pages are stable.</summary>
public enum CaseSort
{
    /// <summary>Nearest running deadline first; cases without one last.</summary>
    NearestDeadline,
    ReceivedNewestFirst,
    ReceivedOldestFirst,
}
