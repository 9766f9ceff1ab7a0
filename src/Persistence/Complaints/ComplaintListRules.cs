namespace CaseGrains.Persistence.Complaints;

/// <summary>The checks every <see cref="IComplaintQueries"/> applies, so both stores refuse the same queries.</summary>
internal static class ComplaintListRules
{
    public static void Validate(ComplaintListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Page < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Page, "Page numbers start at 1.");
        }

        if (query.PageSize is < 1 or > ComplaintListQuery.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, $"The page size must be 1 to {ComplaintListQuery.MaxPageSize}.");
        }

        if (!Enum.IsDefined(query.Sort))
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "Unknown sort.");
        }

        if (query.ScopeRegionPath is { } path && (path.Length == 0 || path[0] != '/' || path[^1] != '/'))
        {
            throw new ArgumentException($"The scope's region path '{path}' must start and end with '/'.", nameof(query));
        }
    }

    public static long Offset(ComplaintListQuery query) => (long)(query.Page - 1) * query.PageSize;
}
