namespace CaseGrains.Domain.Access;

/// <summary>How much of a case a principal may see (<see cref="CaseAccessPolicy.VisibilityOf"/>).</summary>
public enum CaseVisibility
{
    /// <summary>Out of scope: the case is not shown and its existence is not confirmed (404).</summary>
    None,

    /// <summary>Everything, personal numbers in clear: the applicant themselves and the staff who handle the case.</summary>
    Full,

    /// <summary>Everything, with the applicant's ID and phone numbers masked: supervisors and administrators.</summary>
    Masked,

    /// <summary>What a respondent may see (被申请人): numbers masked, the applicant's address and the committee's
    /// internal deliberation withheld.</summary>
    Respondent,
}
