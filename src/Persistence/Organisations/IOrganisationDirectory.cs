using CaseGrains.Domain.Organisations;

namespace CaseGrains.Persistence.Organisations;

/// <summary>Regions and organisations (bodies, agencies, intake points, supervision offices).</summary>
public interface IOrganisationDirectory
{
    Task<IReadOnlyList<Region>> ListRegionsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Organisation>> ListOrganisationsAsync(OrganisationKind? kind = null, CancellationToken cancellationToken = default);

    Task<Organisation?> FindOrganisationAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces a region. The caller has checked that the parent exists.</summary>
    Task UpsertRegionAsync(Region region, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces an organisation. The caller has checked that its region exists.</summary>
    Task UpsertOrganisationAsync(Organisation organisation, CancellationToken cancellationToken = default);

    /// <summary>Loads <paramref name="regions"/> and <paramref name="organisations"/> only if the directory is empty.</summary>
    Task SeedIfEmptyAsync(IReadOnlyList<Region> regions, IReadOnlyList<Organisation> organisations, CancellationToken cancellationToken = default);
}
