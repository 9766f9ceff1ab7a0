namespace CaseGrains.Domain.Organisations;

/// <summary>The justice department that supervises a region (行政执法监督机构): the supervision office of the region itself
/// or, when it has none (a township), of the nearest region above it.</summary>
public static class SupervisingOffice
{
    /// <summary>The id of the supervision office nearest the deepest region of <paramref name="regionPath"/> (e.g.
    /// <c>/R210000/R210100/R210104/</c>), the smallest id when a region has several; null when no region on the path has
    /// one.</summary>
    public static string? For(string regionPath, IEnumerable<Organisation> organisations)
    {
        ArgumentNullException.ThrowIfNull(regionPath);
        ArgumentNullException.ThrowIfNull(organisations);
        var offices = organisations
            .Where(o => o.Kind == OrganisationKind.SupervisionOffice)
            .GroupBy(o => o.RegionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => o.Id).Order(StringComparer.Ordinal).First(), StringComparer.Ordinal);
        return regionPath
            .Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Reverse()
            .Select(region => offices.GetValueOrDefault(region))
            .FirstOrDefault(id => id is not null);
    }
}
