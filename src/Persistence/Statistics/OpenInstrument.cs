using CaseGrains.Domain.Supervision;

namespace CaseGrains.Persistence.Statistics;

/// <summary>One open instrument of an agency profile: its number (文号), the running deadline's due date, whether its
/// rectification is overdue.</summary>
public sealed record OpenInstrument(string InstrumentId, InstrumentKind Kind, InstrumentStatus Status, string? Number, DateOnly? DueOn, bool Overdue);
