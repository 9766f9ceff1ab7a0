namespace CaseGrains.Persistence.Supervision;

/// <summary>The counter an issuing commit draws its number from: issuing body, instrument kind (camelCase) and year.</summary>
public sealed record DocumentSeriesKey(string IssuingBodyId, string Kind, int Year);
