namespace CaseGrains.Persistence.Supervision;

/// <summary>One case an instrument cites, stored apart from the instrument: the case's id and the citation as JSON.</summary>
public sealed record StoredCitation(string CaseId, string CitationJson);
