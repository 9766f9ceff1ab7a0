namespace CaseGrains.Persistence.Supervision;

/// <summary>One finding of an agency's record as stored apart from the record: the case it is about, where it stands in the
/// record's findings (the order they were first recorded in) and the finding as JSON.</summary>
public sealed record StoredFinding(string CaseId, int Position, string FindingJson);
