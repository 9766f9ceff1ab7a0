namespace CaseGrains.Persistence.Cases;

public sealed record CasePage(IReadOnlyList<CaseIndexEntry> Items, long Total, int Page, int PageSize);
