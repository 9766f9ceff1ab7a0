namespace CaseGrains.Domain.Organisations;

/// <summary>
/// The region ids of a region path (<see cref="RegionPaths"/>), the deepest first, each a slice of the path: reading a
/// path allocates nothing, which matters where every correcting finding an agency records looks its pattern rule up
/// (<c>PatternRules.For</c>). Empty segments are skipped, so <c>/</c> names no region.
/// </summary>
public ref struct RegionIdsDeepestFirst(ReadOnlySpan<char> path)
{
    private ReadOnlySpan<char> rest = path;

    public ReadOnlySpan<char> Current { get; private set; }

    public readonly RegionIdsDeepestFirst GetEnumerator() => this;

    public bool MoveNext()
    {
        rest = rest.TrimEnd('/');
        if (rest.IsEmpty)
        {
            return false;
        }

        var cut = rest.LastIndexOf('/');
        Current = rest[(cut + 1)..];
        rest = cut < 0 ? [] : rest[..cut];
        return true;
    }
}
