namespace CaseGrains.Domain.Cases;

/// <summary>Why an application is not accepted (不予受理, Art. 30).</summary>
public enum NotAcceptanceGround
{
    /// <summary>不属于本机关管辖: the decision must name the competent body.</summary>
    WrongJurisdiction,

    /// <summary>超过申请期限 (Art. 20, 21).</summary>
    OutOfTime,

    /// <summary>不属于行政复议范围 (Art. 11, 12).</summary>
    NotReviewable,

    /// <summary>申请人不适格.</summary>
    NoStanding,

    /// <summary>重复申请, or already before a court.</summary>
    DuplicateApplication,

    Other,
}
