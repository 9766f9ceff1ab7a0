using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Time;
using CaseGrains.Persistence.Organisations;

namespace CaseGrains.Grains.Scheduling;

/// <summary>
/// Finds the justice department that supervises a case's region (<see cref="SupervisingOffice"/>) from a copy of the
/// supervision offices kept for a minute in each silo: an overdue decision is reported to it, and a burst of such
/// reminders must not read the directory once each. An office added in the last minute is told from the next minute on.
/// </summary>
public sealed class SupervisionOfficeDirectory(IOrganisationDirectory directory, PlatformClock clock)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private (IReadOnlyList<Organisation> Offices, DateTimeOffset FetchedAt)? cached;

    public async ValueTask<string?> ForRegionAsync(string regionPath)
    {
        var now = clock.GetUtcNow();
        if (cached is not { } hit || now - hit.FetchedAt >= Freshness)
        {
            hit = (await directory.ListOrganisationsAsync(OrganisationKind.SupervisionOffice), now);
            cached = hit;
        }

        return SupervisingOffice.For(regionPath, hit.Offices);
    }
}
