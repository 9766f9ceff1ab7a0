using CaseGrains.Domain.Organisations;

namespace CaseGrains.Domain.Cases;

/// <summary>
/// Where an application goes, resolved by the caller from the organisation directory (全域受案): the intake point,
/// the body it receives for, the respondent agency, the competent body (Art. 24) and the agency's region path;
/// <see cref="ApplicantUserId"/> is the applicant's own account when they filed themselves (online), else null.
/// </summary>
public sealed record ReceiptRouting(
    Organisation IntakePoint,
    Organisation ReceivingBody,
    Organisation RespondentAgency,
    Organisation CompetentBody,
    string RegionPath,
    string? ApplicantUserId = null);
