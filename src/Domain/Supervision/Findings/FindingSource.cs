namespace CaseGrains.Domain.Supervision;

/// <summary>Where a finding against an agency comes from.</summary>
public enum FindingSource
{
    /// <summary>行政复议决定: a decided reconsideration case, whether the decision corrected the act or not.</summary>
    Decision,

    /// <summary>被申请人自行纠正: the agency corrected its act itself and the case ended by withdrawal or settlement
    /// (the 纠错率's second half).</summary>
    SelfCorrection,

    /// <summary>投诉举报查证属实: a substantiated enforcement complaint.</summary>
    Complaint,
}
