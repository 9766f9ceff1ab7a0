namespace CaseGrains.Domain.Access;

/// <summary>
/// The user a request acts for, as the gateway resolved them: their account, the one organisation they belong to,
/// their role, and the materialised path of that organisation's region (e.g. <c>/R210000/R210100/</c>, see
/// <see cref="Organisations.RegionTree.PathOf"/>), which scopes what a supervisor sees.
/// </summary>
public sealed record Principal(string UserId, string OrganisationId, Role Role, string OrganisationRegionPath)
{
    /// <summary>True when <see cref="OrganisationRegionPath"/> is a path such as <c>/R210000/</c>: it starts and ends
    /// with a slash and names at least one region. A supervisor without one sees nothing.</summary>
    public bool HasRegionPath =>
        OrganisationRegionPath is { Length: > 2 } path && path[0] == '/' && path[^1] == '/' && !path.Contains("//", StringComparison.Ordinal);
}
