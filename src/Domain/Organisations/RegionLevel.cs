namespace CaseGrains.Domain.Organisations;

/// <summary>The four levels of the hierarchy (省市县乡四级).</summary>
public enum RegionLevel
{
    Province,
    City,
    County,
    Township,
}
