namespace CaseGrains.Api.Statistics;

/// <summary>
/// The supervisor's view (监督视图): the agencies with a case ended in the period, among the cases the caller may
/// list, ranked by correction rate (<see cref="Domain.Statistics.AgencyCorrections.Rank"/>). <see cref="AgenciesRanked"/>
/// is how many there are; <see cref="Agencies"/> holds the first <c>limit</c> of them.
/// </summary>
public sealed record AgencyRankingView(StatisticsFilters Filters, int AgenciesRanked, IReadOnlyList<RankedAgencyView> Agencies);
