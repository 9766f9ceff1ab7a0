using CaseGrains.Persistence.Cases;

namespace CaseGrains.Persistence.Memory;

/// <summary><see cref="ICaseQueries"/> over an <see cref="InMemoryDatabase"/>, with the PostgreSQL filters' semantics.</summary>
public sealed class InMemoryCaseQueries(InMemoryDatabase database) : ICaseQueries
{
    public Task<CasePage> ListAsync(CaseListQuery query, CancellationToken cancellationToken = default)
    {
        CaseListRules.Validate(query);
        List<CaseIndexEntry> rows;
        string? regionPath = null;
        lock (database.Gate)
        {
            if (query.RegionId is { } regionId)
            {
                if (!database.Regions.TryGetValue(regionId, out var region))
                {
                    return Task.FromResult(new CasePage([], 0, query.Page, query.PageSize));
                }

                regionPath = region.Path;
            }

            rows = [.. database.Cases.Values.Select(r => r.Index)];
        }

        IEnumerable<CaseIndexEntry> matching = rows;
        if (query.Scope is { } scope)
        {
            matching = matching.Where(scope.Admits);
        }

        if (CaseListRules.HasStatuses(query))
        {
            var statuses = query.Statuses!.ToHashSet(StringComparer.Ordinal);
            matching = matching.Where(c => statuses.Contains(c.Status));
        }

        matching = Equal(matching, query.ReceivingBodyId, c => c.ReceivingBodyId);
        matching = Equal(matching, query.CompetentBodyId, c => c.CompetentBodyId);
        matching = Equal(matching, query.RespondentAgencyId, c => c.RespondentAgencyId);
        matching = Equal(matching, query.Channel, c => c.Channel);
        if (regionPath is not null)
        {
            matching = matching.Where(c => c.RegionPath.StartsWith(regionPath, StringComparison.Ordinal));
        }

        if (query.EnterpriseRelated is { } enterpriseRelated)
        {
            matching = matching.Where(c => c.EnterpriseRelated == enterpriseRelated);
        }

        if (query.DueBefore is { } dueBefore)
        {
            matching = matching.Where(c => c.NearestDueOn <= dueBefore);
        }

        if (query.Overdue is { } overdue)
        {
            matching = overdue
                ? matching.Where(c => c.NearestDueOn < query.Today)
                : matching.Where(c => c.NearestDueOn is null || c.NearestDueOn >= query.Today);
        }

        if (query.Text is { } text)
        {
            matching = matching.Where(c =>
                c.ApplicantName.Contains(text, StringComparison.OrdinalIgnoreCase)
                || c.AgencyName.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        var filtered = matching.ToList();
        var sorted = query.Sort switch
        {
            CaseSort.ReceivedNewestFirst => filtered
                .OrderByDescending(c => c.ReceivedOn)
                .ThenByDescending(c => c.CaseId, StringComparer.Ordinal),
            CaseSort.ReceivedOldestFirst => filtered
                .OrderBy(c => c.ReceivedOn)
                .ThenBy(c => c.CaseId, StringComparer.Ordinal),
            _ => filtered
                .OrderBy(c => c.NearestDueOn is null)
                .ThenBy(c => c.NearestDueOn)
                .ThenBy(c => c.CaseId, StringComparer.Ordinal),
        };
        var offset = CaseListRules.Offset(query);
        List<CaseIndexEntry> items = offset >= filtered.Count ? [] : [.. sorted.Skip((int)offset).Take(query.PageSize)];
        return Task.FromResult(CaseListRules.Page(query, items, filtered.Count));
    }

    private static IEnumerable<CaseIndexEntry> Equal(IEnumerable<CaseIndexEntry> rows, string? wanted, Func<CaseIndexEntry, string?> column) =>
        wanted is null ? rows : rows.Where(c => string.Equals(column(c), wanted, StringComparison.Ordinal));
}
