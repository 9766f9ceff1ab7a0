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

    // One reference, read and replaced whole: grains of every thread share this copy, and a struct of the list and its
    // time could be read half old, half new.
    private volatile Copy? copy;

    public async ValueTask<string?> ForRegionAsync(string regionPath)
    {
        var now = clock.GetUtcNow();
        var current = copy;
        if (current is null || now - current.FetchedAt >= Freshness)
        {
            current = new Copy(await directory.ListOrganisationsAsync(OrganisationKind.SupervisionOffice), now);
            copy = current;
        }

        return SupervisingOffice.For(regionPath, current.Offices);
    }

    private sealed record Copy(IReadOnlyList<Organisation> Offices, DateTimeOffset FetchedAt);
}
