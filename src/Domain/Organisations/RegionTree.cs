namespace CaseGrains.Domain.Organisations;

/// <summary>The region hierarchy, for walking up from a region and for subtree filters.</summary>
public sealed class RegionTree
{
    private readonly Dictionary<string, Region> regions;

    public RegionTree(IEnumerable<Region> regions)
    {
        this.regions = regions.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public Region? Find(string id) => regions.GetValueOrDefault(id);

    /// <summary>The regions directly under <paramref name="id"/>.</summary>
    public IEnumerable<Region> ChildrenOf(string id) => regions.Values.Where(r => r.ParentId == id);

    /// <summary>The region and its ancestors, nearest first.</summary>
    public IEnumerable<Region> SelfAndAncestors(string id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var region = Find(id); region is not null && seen.Add(region.Id); region = region.ParentId is null ? null : Find(region.ParentId))
        {
            yield return region;
        }
    }

    /// <summary>A materialised path such as <c>/R210000/R210100/R210104/</c>: a region's subtree is every path
    /// that starts with the region's own path.</summary>
    public string PathOf(string id) =>
        "/" + string.Concat(SelfAndAncestors(id).Reverse().Select(r => r.Id + "/"));
}
