namespace CaseGrains.Persistence.Cases;

/// <summary>
/// A page of a case list. <see cref="Total"/> is the number of matching cases when <see cref="TotalIsExact"/>; when
/// more match than the query's count bound (<see cref="CaseListRules.CountBound"/>: its <see cref="CaseListQuery.CountLimit"/>,
/// or the end of this page if further), <see cref="Total"/> is that bound and <see cref="TotalIsExact"/> false: "more
/// than <see cref="Total"/>".
/// </summary>
public sealed record CasePage(IReadOnlyList<CaseIndexEntry> Items, long Total, int Page, int PageSize, bool TotalIsExact = true);
