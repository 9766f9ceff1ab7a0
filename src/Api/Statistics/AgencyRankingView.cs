using CaseGrains.Domain.Statistics;

namespace CaseGrains.Api.Statistics;

/// <summary>
/// The supervisor's view (监督视图): the agencies with a case ended in the period among the cases the caller may list, or
/// with an open instrument among the instruments the caller may list, ranked by <see cref="Sort"/>
/// (<see cref="Domain.Statistics.AgencySupervision.Rank"/>). <see cref="AgenciesRanked"/> is how many there are;
/// <see cref="Agencies"/> holds the first <c>limit</c> of them.
/// </summary>
public sealed record AgencyRankingView(StatisticsFilters Filters, AgencyRankingOrder Sort, int AgenciesRanked, IReadOnlyList<RankedAgencyView> Agencies);
