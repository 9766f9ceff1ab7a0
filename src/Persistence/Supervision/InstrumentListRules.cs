namespace CaseGrains.Persistence.Supervision;

/// <summary>What an instrument list query means, stated once: the in-memory store applies it, and PostgreSQL's query
/// states the same conditions in SQL.</summary>
public static class InstrumentListRules
{
    public const int MaxPageSize = 200;

    /// <summary>The status names a draft has: agencies never see them.</summary>
    public static readonly IReadOnlyList<string> DraftStatuses = ["drafted", "discarded"];

    /// <exception cref="ArgumentException">The page is not positive or its size is outside 1–200.</exception>
    public static void Validate(InstrumentListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, MaxPageSize, nameof(query));
    }

    public static bool Matches(InstrumentListQuery query, InstrumentIndexEntry row)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(row);
        return (query.ScopeAgencyId is null || row.AgencyId == query.ScopeAgencyId)
            && (query.ScopeIssuingBodyId is null || row.IssuingBodyId == query.ScopeIssuingBodyId)
            && (query.ScopeRegionPath is null
                || row.AgencyRegionPath.StartsWith(query.ScopeRegionPath, StringComparison.Ordinal)
                || row.SupervisorRegionPath.StartsWith(query.ScopeRegionPath, StringComparison.Ordinal))
            && !(query.ExcludeDrafts && DraftStatuses.Contains(row.Status))
            && (query.AgencyId is null || row.AgencyId == query.AgencyId)
            && (query.Kind is null || row.Kind == query.Kind)
            && (query.Status is null || row.Status == query.Status)
            && (query.SupervisorRegionPath is null || row.SupervisorRegionPath == query.SupervisorRegionPath)
            && (query.Overdue is null || row.Overdue == query.Overdue);
    }
}
