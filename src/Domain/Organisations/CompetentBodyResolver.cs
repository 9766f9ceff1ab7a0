namespace CaseGrains.Domain.Organisations;

/// <summary>
/// Finds the competent reconsideration body for a challenged act: the government of the respondent agency's
/// region (Art. 24); an agency in a region without its own body (a township) falls to the nearest level above.
/// </summary>
public static class CompetentBodyResolver
{
    public static Organisation? Resolve(Organisation agency, RegionTree regions, IEnumerable<Organisation> bodies)
    {
        var byRegion = bodies
            .Where(b => b.Kind == OrganisationKind.ReconsiderationBody)
            .GroupBy(b => b.RegionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(b => b.Id, StringComparer.Ordinal).First(), StringComparer.Ordinal);
        return regions.SelfAndAncestors(agency.RegionId)
            .Select(r => byRegion.GetValueOrDefault(r.Id))
            .FirstOrDefault(b => b is not null);
    }
}
