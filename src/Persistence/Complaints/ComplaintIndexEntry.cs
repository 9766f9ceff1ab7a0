namespace CaseGrains.Persistence.Complaints;

/// <summary>
/// The row complaint lists read, kept in step with the complaint grain in the same transaction. It holds nothing about
/// the complainant: lists need none, and a complainant's identity stays in the encrypted snapshot.
/// <see cref="RegionPath"/> is the agency's region path; <see cref="AnswerDueOn"/> the answer period's due date while it
/// runs (null once answered, or for a closed complaint).
/// </summary>
public sealed record ComplaintIndexEntry(
    string ComplaintId,
    string Status,
    string Kind,
    string AgencyId,
    string AgencyName,
    string RegionPath,
    string HandlingOfficeId,
    DateOnly ReceivedOn,
    DateOnly? AnswerDueOn,
    bool AnswerOverdue,
    bool? Substantiated,
    DateTimeOffset UpdatedAt,
    long Version);
