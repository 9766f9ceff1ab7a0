using CaseGrains.Domain.Organisations;

namespace CaseGrains.Persistence.Organisations;

/// <summary>The checks and region-path arithmetic shared by every <see cref="IOrganisationDirectory"/>.</summary>
internal static class DirectoryRules
{
    public static void ValidateRegion(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        ValidateRegionId(region.Id);
        ArgumentNullException.ThrowIfNull(region.Name, nameof(region));
        if (!Enum.IsDefined(region.Level))
        {
            throw new ArgumentException($"Region {region.Id} has an unknown level {region.Level}.", nameof(region));
        }

        if (string.Equals(region.ParentId, region.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Region {region.Id} cannot be its own parent.", nameof(region));
        }
    }

    public static void ValidateOrganisation(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentException.ThrowIfNullOrEmpty(organisation.Id, nameof(organisation));
        ArgumentNullException.ThrowIfNull(organisation.Name, nameof(organisation));
        ArgumentException.ThrowIfNullOrEmpty(organisation.RegionId, nameof(organisation));
        if (!Enum.IsDefined(organisation.Kind) || (organisation.IntakeKind is { } intake && !Enum.IsDefined(intake)))
        {
            throw new ArgumentException($"Organisation {organisation.Id} has an unknown kind.", nameof(organisation));
        }
    }

    /// <summary>The path of a region under a parent with path <paramref name="parentPath"/> (null for a root).</summary>
    public static string PathUnder(string? parentPath, string regionId) => (parentPath ?? "/") + regionId + "/";

    /// <summary>
    /// The paths of a complete set of regions (every parent in the set), as <see cref="RegionTree.PathOf"/> computes
    /// them. Throws <see cref="ArgumentException"/> for duplicate ids, missing parents and cycles.
    /// </summary>
    public static Dictionary<string, string> PathsOf(IReadOnlyList<Region> regions)
    {
        var byId = new Dictionary<string, Region>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            ValidateRegion(region);
            if (!byId.TryAdd(region.Id, region))
            {
                throw new ArgumentException($"Region {region.Id} appears twice.", nameof(regions));
            }
        }

        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var chain = new List<Region>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = region; ; current = byId[current.ParentId!])
            {
                if (!seen.Add(current.Id))
                {
                    throw new ArgumentException($"Regions {string.Join(", ", seen)} form a cycle.", nameof(regions));
                }

                chain.Add(current);
                if (current.ParentId is null)
                {
                    break;
                }

                if (!byId.ContainsKey(current.ParentId))
                {
                    throw new ArgumentException($"Region {current.Id}'s parent {current.ParentId} is not among the regions.", nameof(regions));
                }
            }

            paths[region.Id] = "/" + string.Concat(chain.AsEnumerable().Reverse().Select(r => r.Id + "/"));
        }

        return paths;
    }

    /// <summary>Checks that every organisation is valid, unique and in one of <paramref name="regionIds"/>.</summary>
    public static void ValidateOrganisations(IReadOnlyList<Organisation> organisations, IReadOnlySet<string> regionIds)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var organisation in organisations)
        {
            ValidateOrganisation(organisation);
            if (!ids.Add(organisation.Id))
            {
                throw new ArgumentException($"Organisation {organisation.Id} appears twice.", nameof(organisations));
            }

            if (!regionIds.Contains(organisation.RegionId))
            {
                throw new ArgumentException($"Organisation {organisation.Id}'s region {organisation.RegionId} does not exist.", nameof(organisations));
            }
        }
    }

    public static void ValidateRegionId(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (id.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Region id '{id}' must not contain '/'.", nameof(id));
        }
    }
}
