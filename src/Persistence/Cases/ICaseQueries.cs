namespace CaseGrains.Persistence.Cases;

/// <summary>Case lists answered from the index, never by activating grains.</summary>
public interface ICaseQueries
{
    Task<CasePage> ListAsync(CaseListQuery query, CancellationToken cancellationToken = default);
}
