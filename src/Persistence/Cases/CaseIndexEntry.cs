namespace CaseGrains.Persistence.Cases;

/// <summary>
/// The row that case lists and filters read, kept in step with the case grain in the same transaction.
/// <see cref="RegionPath"/> is the respondent agency's region path (e.g. <c>/R210000/R210100/R210104/</c>); it follows the
/// directory, so a store takes it from its own regions at receipt (this value only for an agency it does not know) and
/// keeps the row's on every later commit: a moved region has rewritten it.
/// <see cref="NearestDueOn"/> is the earliest due date among the case's running deadlines.
/// <see cref="ApplicantUserId"/> is the applicant's own user account, when the application was filed by one (the
/// <see cref="CaseListScope.ApplicantUserId"/> scope, "my cases").
/// </summary>
public sealed record CaseIndexEntry(
    string CaseId,
    string Status,
    string ReceivingBodyId,
    string CompetentBodyId,
    string RespondentAgencyId,
    string IntakePointId,
    string RegionPath,
    string Channel,
    bool EnterpriseRelated,
    string ApplicantName,
    string AgencyName,
    DateOnly ReceivedOn,
    DateOnly? NearestDueOn,
    DateTimeOffset UpdatedAt,
    long Version,
    string? ApplicantUserId = null);
