namespace CaseGrains.Domain.Organisations;

/// <summary>
/// Reading a materialised region path (<see cref="RegionTree.PathOf"/>, e.g. <c>/R210000/R210100/R210104/</c>) without the
/// tree. Levels are strict (a city's parent is a province, a county's a city: <see cref="OrganisationRules"/>), so a
/// region's depth on its path is its level.
/// </summary>
public static class RegionPaths
{
    /// <summary>The region ids on <paramref name="path"/>, the deepest first.</summary>
    public static IReadOnlyList<string> SelfAndAncestors(string path)
    {
        var ids = new List<string>();
        foreach (var id in DeepestFirst(path))
        {
            ids.Add(id.ToString());
        }

        return ids;
    }

    /// <summary>The same ids as <see cref="SelfAndAncestors"/>, as slices of <paramref name="path"/>.</summary>
    public static RegionIdsDeepestFirst DeepestFirst(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new RegionIdsDeepestFirst(path);
    }

    /// <summary>The level of the deepest region of <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">The path names no region or more than four levels.</exception>
    public static RegionLevel LevelOf(string path)
    {
        var depth = SelfAndAncestors(path).Count;
        if (depth is < 1 or > 4)
        {
            throw new ArgumentException($"'{path}' is not the path of a region of one of the four levels.", nameof(path));
        }

        return (RegionLevel)(depth - 1);
    }

    /// <summary>The path of the region one level above the deepest region of <paramref name="path"/>; null for a province,
    /// which has nothing above it.</summary>
    public static string? Parent(string path)
    {
        var ids = SelfAndAncestors(path);
        return ids.Count <= 1 ? null : "/" + string.Concat(ids.Skip(1).Reverse().Select(id => id + "/"));
    }

    /// <summary>Whether <paramref name="path"/> is a well-formed region path: at least one region, each id well formed
    /// (<see cref="OrganisationRules.IdError"/>), at most four levels.</summary>
    public static bool IsWellFormed(string? path) =>
        path is not null && path.StartsWith('/') && path.EndsWith('/') && !path.Contains("//", StringComparison.Ordinal)
        && SelfAndAncestors(path) is { Count: >= 1 and <= 4 } ids && ids.All(id => OrganisationRules.IdError(id) is null);
}
