namespace CaseGrains.Domain.Deadlines;

/// <summary>A period the law sets: its length, how it is counted, and the article that sets it.</summary>
public sealed record StatutoryPeriod(DeadlineKind Kind, int Length, DeadlineUnit Unit, string Basis);
