using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Complaints;

namespace CaseGrains.Persistence.Memory;

/// <summary><see cref="IComplaintQueries"/> over an <see cref="InMemoryDatabase"/>, with the PostgreSQL filters' semantics.</summary>
public sealed class InMemoryComplaintQueries(InMemoryDatabase database) : IComplaintQueries
{
    public Task<ComplaintPage> ListAsync(ComplaintListQuery query, CancellationToken cancellationToken = default)
    {
        ComplaintListRules.Validate(query);
        List<ComplaintIndexEntry> rows;
        string? regionPath = null;
        lock (database.Gate)
        {
            if (query.RegionId is { } regionId)
            {
                if (!database.Regions.TryGetValue(regionId, out var region))
                {
                    return Task.FromResult(new ComplaintPage([], 0, query.Page, query.PageSize));
                }

                regionPath = region.Path;
            }

            rows = [.. database.Complaints.Values.Select(r => r.Index)];
        }

        IEnumerable<ComplaintIndexEntry> matching = rows;
        if (query.ScopeRegionPath is { } scope)
        {
            matching = matching.Where(c => c.RegionPath.StartsWith(scope, StringComparison.Ordinal));
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            var wanted = statuses.ToHashSet(StringComparer.Ordinal);
            matching = matching.Where(c => wanted.Contains(c.Status));
        }

        matching = Equal(matching, query.Kind, c => c.Kind);
        matching = Equal(matching, query.AgencyId, c => c.AgencyId);
        matching = Equal(matching, query.HandlingOfficeId, c => c.HandlingOfficeId);
        if (regionPath is not null)
        {
            matching = matching.Where(c => c.RegionPath.StartsWith(regionPath, StringComparison.Ordinal));
        }

        if (query.Overdue is { } overdue)
        {
            matching = overdue
                ? matching.Where(c => c.AnswerDueOn < query.Today)
                : matching.Where(c => c.AnswerDueOn is null || c.AnswerDueOn >= query.Today);
        }

        if (query.Substantiated is { } substantiated)
        {
            matching = matching.Where(c => c.Substantiated == substantiated);
        }

        if (query.Text is { } text)
        {
            matching = matching.Where(c => c.AgencyName.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        var filtered = matching.ToList();
        var sorted = query.Sort == ComplaintSort.ReceivedNewestFirst
            ? filtered.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.ComplaintId, StringComparer.Ordinal)
            : filtered.OrderBy(c => c.AnswerDueOn is null).ThenBy(c => c.AnswerDueOn).ThenBy(c => c.ComplaintId, StringComparer.Ordinal);
        var offset = ComplaintListRules.Offset(query);
        List<ComplaintIndexEntry> items = offset >= filtered.Count ? [] : [.. sorted.Skip((int)offset).Take(query.PageSize)];
        return Task.FromResult(new ComplaintPage(items, filtered.Count, query.Page, query.PageSize));
    }

    private static IEnumerable<ComplaintIndexEntry> Equal(IEnumerable<ComplaintIndexEntry> rows, string? wanted, Func<ComplaintIndexEntry, string> column) =>
        wanted is null ? rows : rows.Where(c => string.Equals(column(c), wanted, StringComparison.Ordinal));
}
