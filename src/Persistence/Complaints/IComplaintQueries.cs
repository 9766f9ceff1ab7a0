namespace CaseGrains.Persistence.Complaints;

/// <summary>Complaint lists, answered from the list rows, never by activating grains.</summary>
public interface IComplaintQueries
{
    /// <exception cref="ArgumentOutOfRangeException">Out-of-range paging.</exception>
    Task<ComplaintPage> ListAsync(ComplaintListQuery query, CancellationToken cancellationToken = default);
}
