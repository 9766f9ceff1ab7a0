namespace CaseGrains.Domain.Organisations;

/// <summary>
/// Finds the competent reconsideration body for a challenged act: the government of the respondent agency's
/// region (Art. 24); an agency in a region without its own body (a township) falls to the nearest level above.
/// Built once from a directory's organisations, so that a receipt looks up its agency's region and the regions above
/// it instead of grouping every body of the province again.
/// </summary>
public sealed class CompetentBodyResolver
{
    private readonly Dictionary<string, Organisation> bodyOfRegion;

    /// <param name="organisations">Any organisations; only reconsideration bodies are kept. Two bodies in one region
    /// resolve to the lower id, whatever their order.</param>
    public CompetentBodyResolver(IEnumerable<Organisation> organisations)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        bodyOfRegion = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        foreach (var body in organisations.Where(o => o.Kind == OrganisationKind.ReconsiderationBody))
        {
            if (!bodyOfRegion.TryGetValue(body.RegionId, out var held) || string.CompareOrdinal(body.Id, held.Id) < 0)
            {
                bodyOfRegion[body.RegionId] = body;
            }
        }
    }

    public Organisation? Resolve(Organisation agency, RegionTree regions)
    {
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(regions);
        foreach (var region in regions.SelfAndAncestors(agency.RegionId))
        {
            if (bodyOfRegion.TryGetValue(region.Id, out var body))
            {
                return body;
            }
        }

        return null;
    }
}
