namespace CaseGrains.Domain.Deadlines;

/// <summary>The statutory deadlines a reconsideration case runs.</summary>
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
}
