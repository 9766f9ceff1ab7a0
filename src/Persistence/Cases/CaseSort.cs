namespace CaseGrains.Persistence.Cases;

public enum CaseSort
{
    /// <summary>Nearest running deadline first; cases without one last.</summary>
    NearestDeadline,
    ReceivedNewestFirst,
    ReceivedOldestFirst,
}
