using CaseGrains.Abstractions;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Supervision;
using CaseGrains.Persistence.Supervision;

namespace CaseGrains.Grains.Supervision;

/// <summary>An instrument's list columns, written with every commit.</summary>
public static class InstrumentIndexing
{
    public static InstrumentIndexEntry EntryFor(SupervisionInstrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return new(
            EnumNames.Of(instrument.Kind),
            EnumNames.Of(instrument.Status),
            instrument.AgencyId,
            instrument.AgencyRegionPath,
            instrument.IssuingBodyId,
            instrument.SupervisorRegionPath,
            instrument.Number?.Text,
            instrument.Deadlines.LastOrDefault(d => d.Phase == DeadlinePhase.Running)?.DueOn,
            instrument.RectificationOverdue,
            instrument.DraftedOn,
            instrument.IssuedOn);
    }
}
