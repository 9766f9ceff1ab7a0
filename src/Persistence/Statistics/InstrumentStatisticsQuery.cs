using CaseGrains.Domain.Statistics;

namespace CaseGrains.Persistence.Statistics;

/// <summary>
/// The supervision instruments a statistic counts: those the asker may list, as <c>GET /supervision/instruments</c>
/// scopes them (<see cref="ScopeAgencyId"/>, <see cref="ScopeIssuingBodyId"/>, <see cref="ScopeRegionPath"/> with the
/// meaning of <see cref="Supervision.InstrumentListQuery"/>'s; each null: not limited by it), against agencies in
/// <see cref="RegionId"/>'s subtree (an unknown region matches none), issued by <see cref="IssuingBodyId"/> and against
/// <see cref="AgencyId"/>, each when set. <see cref="Period"/> bounds the issue date where a figure is over a period.
/// </summary>
public sealed record InstrumentStatisticsQuery
{
    public string? ScopeAgencyId { get; init; }

    public string? ScopeIssuingBodyId { get; init; }

    public string? ScopeRegionPath { get; init; }

    public string? RegionId { get; init; }

    public string? IssuingBodyId { get; init; }

    public string? AgencyId { get; init; }

    public StatisticsPeriod Period { get; init; } = StatisticsPeriod.Always;
}
