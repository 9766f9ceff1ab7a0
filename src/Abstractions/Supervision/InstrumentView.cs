using CaseGrains.Domain.Supervision;

namespace CaseGrains.Abstractions.Supervision;

/// <summary>
/// An instrument as the API shows it to one user: its state and version (the ETag), the supervision office the matter
/// sits with now (<see cref="SupervisorOfficeId"/>, after any escalation), and the actions that user may take now.
/// </summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.InstrumentView")]
public sealed record InstrumentView(
    [property: Id(0)] string Id,
    [property: Id(1)] long Version,
    [property: Id(2)] SupervisionInstrument Instrument,
    [property: Id(3)] InstrumentActionName[] AllowedActions,
    [property: Id(4)] string SupervisorRegionPath,
    [property: Id(5)] string? SupervisorOfficeId);
