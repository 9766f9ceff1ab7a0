using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Time;
using CaseGrains.Grains.Cases;
using CaseGrains.Persistence.Organisations;

namespace CaseGrains.Grains.Organisations;

/// <summary>
/// The directory as each silo keeps it, read again once a minute, as the gateway keeps principals' region paths: a burst
/// of receipts, reminder steps or findings must not read every organisation and region once each. It routes applications
/// (the intake point, the agency, the receiving body, every region and every body): one naming an organisation the copy
/// lacks reads the directory again, so one added a moment ago takes applications at once (an unknown id costs one read,
/// as every receipt did before), and a change to one the copy has (moved, attached to another body) reaches receipts
/// within the minute. It gives the region path of an agency (<see cref="RegionPathOfAgencyAsync"/>), which the cases
/// against the agency and the agency's record follow, so a moved region or agency reaches them as fast; and it names the
/// supervision office an overdue decision is reported to (<see cref="SupervisionOfficeForAsync"/>): an office added in
/// the last minute is told from the next minute on.
/// </summary>
public sealed class DirectoryCopy(IOrganisationDirectory directory, PlatformClock clock)
{
    /// <summary>How long a copy serves.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private volatile Copy? copy;

    public async ValueTask<RoutingOutcome> RouteAsync(ReceiveApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var current = await FreshAsync();
        if (!current.Knows(application))
        {
            current = await ReadAsync(clock.GetUtcNow());
        }

        return current.Route(application);
    }

    /// <summary>The path of the region of agency <paramref name="agencyId"/> in the copy; null when the copy does not know
    /// the agency.</summary>
    public async ValueTask<string?> RegionPathOfAgencyAsync(string agencyId) =>
        (await FreshAsync()).AgencyRegionPaths.GetValueOrDefault(agencyId);

    /// <summary>The justice department that supervises <paramref name="regionPath"/> (<see cref="SupervisingOffice"/>);
    /// null when no region on the path has one.</summary>
    public async ValueTask<string?> SupervisionOfficeForAsync(string regionPath) =>
        SupervisingOffice.For(regionPath, (await FreshAsync()).SupervisionOffices);

    /// <summary>The copy, read again when it is <see cref="Freshness"/> old.</summary>
    private ValueTask<Copy> FreshAsync()
    {
        var now = clock.GetUtcNow();
        return copy is { } current && now - current.FetchedAt < Freshness ? ValueTask.FromResult(current) : new(ReadAsync(now));
    }

    private async Task<Copy> ReadAsync(DateTimeOffset now)
    {
        var organisations = await directory.ListOrganisationsAsync();
        var regions = new RegionTree(await directory.ListRegionsAsync());
        var read = new Copy(
            organisations.ToDictionary(o => o.Id, StringComparer.Ordinal),
            regions,
            new CompetentBodyResolver(organisations),
            organisations
                .Where(o => o.Kind == OrganisationKind.EnforcementAgency && regions.Find(o.RegionId) is not null)
                .ToDictionary(o => o.Id, o => regions.PathOf(o.RegionId), StringComparer.Ordinal),
            [.. organisations.Where(o => o.Kind == OrganisationKind.SupervisionOffice)],
            now);
        copy = read;
        return read;
    }

    private sealed record Copy(
        IReadOnlyDictionary<string, Organisation> Organisations,
        RegionTree Regions,
        CompetentBodyResolver CompetentBodies,
        IReadOnlyDictionary<string, string> AgencyRegionPaths,
        IReadOnlyList<Organisation> SupervisionOffices,
        DateTimeOffset FetchedAt)
    {
        public bool Knows(ReceiveApplication application) =>
            Find(application.IntakePointId) is { } intakePoint
            && Find(application.RespondentAgencyId) is not null
            && (intakePoint.BodyId is null || Find(intakePoint.BodyId) is not null);

        public RoutingOutcome Route(ReceiveApplication application)
        {
            var intakePoint = Find(application.IntakePointId);
            var receivingBody = intakePoint?.BodyId is { } bodyId ? Find(bodyId) : null;
            var (routing, refusal) = ReceiptRoutingRules.Route(
                application, intakePoint, Find(application.RespondentAgencyId), receivingBody, Regions, CompetentBodies);
            return new RoutingOutcome(routing, refusal is null ? null : CaseFailures.From(refusal));
        }

        private Organisation? Find(string? id) => id is not null && Organisations.TryGetValue(id, out var found) ? found : null;
    }
}
