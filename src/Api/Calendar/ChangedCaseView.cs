namespace CaseGrains.Api.Calendar;

/// <summary>A case a deadline recomputation changed: how many deadlines moved, and where its history is, whose
/// <c>recomputeDeadlines</c> entry names each one with its due date before and after.</summary>
public sealed record ChangedCaseView(string CaseId, int ChangedDeadlines, string History);
