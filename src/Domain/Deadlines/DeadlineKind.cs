namespace CaseGrains.Domain.Deadlines;

/// <summary>The deadlines the platform runs: those of a reconsideration case, then those of a supervision instrument and
/// of an enforcement complaint. New kinds are added at the end; the names are stored.</summary>
public enum DeadlineKind
{
    /// <summary>审查期限: review of the application (Art. 30).</summary>
    Review,

    /// <summary>补正期限: the applicant's correction period (Art. 31).</summary>
    Correction,

    /// <summary>发送副本: copy of the application to the respondent (Art. 48, 54).</summary>
    CopyToRespondent,

    /// <summary>答复期限: the respondent's reply and evidence (Art. 48, 54).</summary>
    Reply,

    /// <summary>听证通知: notice of the hearing, counted back from the hearing date (Art. 51).</summary>
    HearingNotice,

    /// <summary>审理期限: the decision (Art. 62), extended at most once.</summary>
    Decision,

    /// <summary>整改期限: the agency reports how it corrected what an opinion letter (60 natural days from receipt, Art. 76)
    /// or a supervision notice (a configured period) found, or reports again after its report was sent back.</summary>
    Rectification,

    /// <summary>责令限期履行: the date an agency that let its rectification period lapse was ordered to comply by (Art. 77).</summary>
    ComplianceOrder,

    /// <summary>投诉举报答复期限: the complainant is answered within a configured period of receipt.</summary>
    ComplaintAnswer,
}
