namespace CaseGrains.Persistence.Supervision;

/// <summary>One row of an instrument list.</summary>
public sealed record InstrumentSummary(string InstrumentId, long Version, InstrumentIndexEntry Index);
