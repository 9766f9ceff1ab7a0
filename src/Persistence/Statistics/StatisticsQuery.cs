using CaseGrains.Domain.Statistics;
using CaseGrains.Persistence.Cases;

namespace CaseGrains.Persistence.Statistics;

/// <summary>
/// The cases a statistic counts: those the asker may list (<see cref="Scope"/>, as <see cref="CaseListQuery.Scope"/>;
/// null: all), in <see cref="RegionId"/>'s subtree (the respondent agency's region; an unknown region matches no
/// case), decided by <see cref="CompetentBodyId"/> and against <see cref="RespondentAgencyId"/>, each when set, counted
/// over <see cref="Period"/>.
/// </summary>
public sealed record StatisticsQuery
{
    public CaseListScope? Scope { get; init; }

    public string? RegionId { get; init; }

    /// <summary>The reconsideration body that decides the cases (行政复议机关).</summary>
    public string? CompetentBodyId { get; init; }

    public string? RespondentAgencyId { get; init; }

    public StatisticsPeriod Period { get; init; } = StatisticsPeriod.Always;
}
