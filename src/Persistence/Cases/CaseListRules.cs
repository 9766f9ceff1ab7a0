namespace CaseGrains.Persistence.Cases;

/// <summary>Paging checks and the text-filter escaping shared by every <see cref="ICaseQueries"/>.</summary>
internal static class CaseListRules
{
    public static void Validate(CaseListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Page < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Page, "Page numbers start at 1.");
        }

        if (query.PageSize is < 1 or > CaseListQuery.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, $"The page size must be 1 to {CaseListQuery.MaxPageSize}.");
        }

        if (!Enum.IsDefined(query.Sort))
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "Unknown sort.");
        }
    }

    public static bool HasStatuses(CaseListQuery query) => query.Statuses is { Count: > 0 };

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, with <c>\</c>, <c>%</c> and <c>_</c> taken literally.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";

    public static long Offset(CaseListQuery query) => (long)(query.Page - 1) * query.PageSize;
}
