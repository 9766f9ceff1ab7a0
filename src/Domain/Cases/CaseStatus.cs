namespace CaseGrains.Domain.Cases;

/// <summary>Where a reconsideration case stands in its workflow.</summary>
public enum CaseStatus
{
    /// <summary>收件: received, the application is being reviewed (审查, Art. 30).</summary>
    Received,

    /// <summary>补正中: a correction notice was sent and the applicant's period runs (Art. 31).</summary>
    AwaitingCorrection,

    /// <summary>审理中: accepted and under review.</summary>
    UnderReview,

    /// <summary>调解中 (Art. 73).</summary>
    InMediation,

    /// <summary>中止 (Art. 39): the decision period stands still.</summary>
    Suspended,

    /// <summary>已作出行政复议决定.</summary>
    Decided,

    /// <summary>调解结案: a mediation document was signed (Art. 73).</summary>
    Mediated,

    /// <summary>终止 (Art. 41), including withdrawal and settlement.</summary>
    Terminated,

    /// <summary>不予受理 (Art. 30).</summary>
    NotAccepted,

    /// <summary>视为放弃申请: the correction period ran out (Art. 31).</summary>
    Abandoned,

    /// <summary>立案前化解.</summary>
    ResolvedBeforeFiling,

    /// <summary>结案.</summary>
    Closed,
}
