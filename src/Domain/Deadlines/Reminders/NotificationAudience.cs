namespace CaseGrains.Domain.Deadlines.Reminders;

/// <summary>Who must be told of a fired reminder step. The notifier resolves each audience to people from the case
/// (its competent body, applicant, respondent agency, region); the case only names them.</summary>
public enum NotificationAudience
{
    /// <summary>承办人: the case officers of the competent body.</summary>
    CaseOfficers,

    /// <summary>机构负责人: the head of the competent body.</summary>
    HeadOfBody,

    /// <summary>行政执法监督机构: the justice department that supervises the case's region.</summary>
    SupervisionOffice,

    /// <summary>申请人.</summary>
    Applicant,

    /// <summary>被申请人: the respondent agency.</summary>
    RespondentAgency,
}
