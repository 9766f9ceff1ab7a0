using CaseGrains.Domain.Organisations;
using CaseGrains.Persistence.Organisations;

namespace CaseGrains.Persistence.Memory;

/// <summary><see cref="IOrganisationDirectory"/> over an <see cref="InMemoryDatabase"/>, with the PostgreSQL directory's rules.</summary>
public sealed class InMemoryOrganisationDirectory(InMemoryDatabase database) : IOrganisationDirectory
{
    public Task<IReadOnlyList<Region>> ListRegionsAsync(CancellationToken cancellationToken = default)
    {
        lock (database.Gate)
        {
            IReadOnlyList<Region> regions = [.. database.Regions.Values.OrderBy(r => r.Path, StringComparer.Ordinal).Select(r => r.Region)];
            return Task.FromResult(regions);
        }
    }

    public Task<IReadOnlyList<Organisation>> ListOrganisationsAsync(OrganisationKind? kind = null, CancellationToken cancellationToken = default)
    {
        lock (database.Gate)
        {
            IReadOnlyList<Organisation> organisations = [.. database.Organisations.Values
                .Where(o => kind is null || o.Kind == kind)
                .OrderBy(o => o.Id, StringComparer.Ordinal)];
            return Task.FromResult(organisations);
        }
    }

    public Task<Organisation?> FindOrganisationAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (database.Gate)
        {
            return Task.FromResult(database.Organisations.GetValueOrDefault(id));
        }
    }

    public Task UpsertRegionAsync(Region region, CancellationToken cancellationToken = default)
    {
        DirectoryRules.ValidateRegion(region);
        lock (database.Gate)
        {
            string? parentPath = null;
            if (region.ParentId is not null)
            {
                parentPath = database.Regions.TryGetValue(region.ParentId, out var parent)
                    ? parent.Path
                    : throw new ArgumentException($"Region {region.Id}'s parent {region.ParentId} does not exist.", nameof(region));
            }

            var oldPath = database.Regions.GetValueOrDefault(region.Id)?.Path;
            if (oldPath is not null && parentPath is not null && parentPath.StartsWith(oldPath, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Region {region.Id} cannot move under its own subregion {region.ParentId}.", nameof(region));
            }

            var newPath = DirectoryRules.PathUnder(parentPath, region.Id);
            database.Regions[region.Id] = new InMemoryDatabase.RegionRow(region, newPath);
            if (oldPath is null || oldPath == newPath)
            {
                return Task.CompletedTask;
            }

            foreach (var descendant in database.Regions.Values
                .Where(r => r.Region.Id != region.Id && r.Path.StartsWith(oldPath, StringComparison.Ordinal))
                .ToList())
            {
                database.Regions[descendant.Region.Id] = descendant with { Path = newPath + descendant.Path[oldPath.Length..] };
            }

            foreach (var row in database.Cases.Values.Where(c => c.Index.RegionPath.StartsWith(oldPath, StringComparison.Ordinal)))
            {
                row.Index = row.Index with { RegionPath = newPath + row.Index.RegionPath[oldPath.Length..] };
            }
        }

        return Task.CompletedTask;
    }

    public Task UpsertOrganisationAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        DirectoryRules.ValidateOrganisation(organisation);
        lock (database.Gate)
        {
            if (!database.Regions.TryGetValue(organisation.RegionId, out var region))
            {
                throw new ArgumentException($"Organisation {organisation.Id}'s region {organisation.RegionId} does not exist.", nameof(organisation));
            }

            database.Organisations[organisation.Id] = organisation;
            if (organisation.Kind == OrganisationKind.EnforcementAgency)
            {
                foreach (var row in database.Cases.Values.Where(c => c.Index.RespondentAgencyId == organisation.Id))
                {
                    row.Index = row.Index with { RegionPath = region.Path };
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task SeedIfEmptyAsync(IReadOnlyList<Region> regions, IReadOnlyList<Organisation> organisations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(organisations);
        var paths = DirectoryRules.PathsOf(regions);
        DirectoryRules.ValidateOrganisations(organisations, paths.Keys.ToHashSet(StringComparer.Ordinal));
        lock (database.Gate)
        {
            if (database.Regions.Count > 0 || database.Organisations.Count > 0)
            {
                return Task.CompletedTask;
            }

            foreach (var region in regions)
            {
                database.Regions.Add(region.Id, new InMemoryDatabase.RegionRow(region, paths[region.Id]));
            }

            foreach (var organisation in organisations)
            {
                database.Organisations.Add(organisation.Id, organisation);
            }
        }

        return Task.CompletedTask;
    }
}
