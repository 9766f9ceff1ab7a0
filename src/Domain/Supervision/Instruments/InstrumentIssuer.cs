namespace CaseGrains.Domain.Supervision;

/// <summary>The body that issues an instrument and the path of its region, where escalation starts from: the case's
/// competent reconsideration body for an opinion letter, the supervision office of the agency's region
/// (<see cref="Organisations.SupervisingOffice"/>) for a notice. The grain resolves it from the directory.</summary>
public sealed record InstrumentIssuer(string BodyId, string RegionPath);
