namespace CaseGrains.Persistence.Complaints;

public sealed record ComplaintPage(IReadOnlyList<ComplaintIndexEntry> Items, long Total, int Page, int PageSize);
