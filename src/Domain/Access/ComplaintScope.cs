using CaseGrains.Domain.Complaints;

namespace CaseGrains.Domain.Access;

/// <summary>
/// The rows of a complaint list a principal may see (<see cref="ComplaintAccessPolicy.ScopeOf"/>): every complaint,
/// none, or those whose agency lies in a region subtree. It includes a complaint exactly when
/// <see cref="ComplaintAccessPolicy.VisibilityOf"/> is not <see cref="CaseVisibility.None"/>.
/// </summary>
public sealed record ComplaintScope
{
    private ComplaintScope()
    {
    }

    public static ComplaintScope Everything { get; } = new() { All = true };

    public static ComplaintScope Nothing { get; } = new();

    public bool All { get; private init; }

    /// <summary>Complaints whose <see cref="EnforcementComplaint.RegionPath"/> starts with this path (ordinal).</summary>
    public string? RegionPathPrefix { get; private init; }

    public bool IsNothing => !All && RegionPathPrefix is null;

    public static ComplaintScope OfRegion(string regionPathPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regionPathPrefix);
        return new() { RegionPathPrefix = regionPathPrefix };
    }

    public bool Includes(EnforcementComplaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return All || (RegionPathPrefix is not null && complaint.RegionPath.StartsWith(RegionPathPrefix, StringComparison.Ordinal));
    }
}
