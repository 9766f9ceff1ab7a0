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

        if (query.CountLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.CountLimit, "The count limit must be at least 1.");
        }

        if (!Enum.IsDefined(query.Sort))
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "Unknown sort.");
        }

        if (query.Scope is { } scope)
        {
            string?[] set = [scope.ApplicantUserId, scope.IntakePointId, scope.BodyId, scope.RespondentAgencyId, scope.RegionPathPrefix];
            if (set.Count(v => v is not null) > 1)
            {
                throw new ArgumentException("A list scope sets at most one of its properties.", nameof(query));
            }

            if (scope.RegionPathPrefix is { } path && (path.Length == 0 || path[0] != '/' || path[^1] != '/'))
            {
                throw new ArgumentException($"The scope's region path '{path}' must start and end with '/'.", nameof(query));
            }
        }
    }

    public static bool HasStatuses(CaseListQuery query) => query.Statuses is { Count: > 0 };

    /// <summary>
    /// Whether <paramref name="text"/> is too short to hold a trigram (one or two characters), so that the names' trigram
    /// index cannot narrow the search and the list looks it up among the names' one- and two-character pieces instead
    /// (<c>0230_case_short_text.sql</c>). Characters are counted as PostgreSQL counts them: code points.
    /// </summary>
    public static bool IsShortText(string text) => text.EnumerateRunes().Count() is 1 or 2;

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, with <c>\</c>, <c>%</c> and <c>_</c> taken literally.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";

    /// <summary>
    /// The exclusive upper bound of the subtree of region path <paramref name="path"/> (which ends in <c>/</c>) in byte
    /// order: every path starting with <c>/A/B/</c> lies in <c>[/A/B/, /A/B0)</c>, as <c>0</c> follows <c>/</c>.
    /// </summary>
    public static string SubtreeEnd(string path) => path[..^1] + "0";

    public static long Offset(CaseListQuery query) => (long)(query.Page - 1) * query.PageSize;

    /// <summary>The most matches the total counts: the query's limit, or the end of the page asked for if further, so
    /// that a page's total never falls short of the cases it shows.</summary>
    public static long CountBound(CaseListQuery query) => Math.Max(query.CountLimit, Offset(query) + query.PageSize);

    /// <summary>
    /// The total when the page itself tells it: a page shorter than asked for that is not past the end (it holds a
    /// case, or it is the first) ends the list, so the total is its offset plus its cases, exactly. Null: count.
    /// </summary>
    public static long? TotalFromPage(CaseListQuery query, int items) =>
        items < query.PageSize && (items > 0 || query.Page == 1) ? Offset(query) + items : null;

    /// <summary>The page for <paramref name="matches"/> counted up to one past <see cref="CountBound"/>.</summary>
    public static CasePage Page(CaseListQuery query, IReadOnlyList<CaseIndexEntry> items, long matches)
    {
        var bound = CountBound(query);
        return matches > bound
            ? new CasePage(items, bound, query.Page, query.PageSize, TotalIsExact: false)
            : new CasePage(items, matches, query.Page, query.PageSize);
    }
}
