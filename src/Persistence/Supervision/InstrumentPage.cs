namespace CaseGrains.Persistence.Supervision;

/// <summary>A page of instruments and how many match in all.</summary>
public sealed record InstrumentPage(IReadOnlyList<InstrumentSummary> Items, int Total);
