namespace CaseGrains.Persistence.Supervision;

/// <summary>The list columns of an instrument, replaced with every commit. <see cref="Kind"/> and <see cref="Status"/> are
/// the domain enums' camelCase names; <see cref="DueOn"/> is the running deadline's due date, if any; <see cref="IssuedOn"/>
/// the issue date (制发日期) once issued, which puts an opinion letter into a statistics period.</summary>
public sealed record InstrumentIndexEntry(
    string Kind,
    string Status,
    string AgencyId,
    string AgencyRegionPath,
    string IssuingBodyId,
    string SupervisorRegionPath,
    string? NumberText,
    DateOnly? DueOn,
    bool Overdue,
    DateOnly DraftedOn,
    DateOnly? IssuedOn = null);
