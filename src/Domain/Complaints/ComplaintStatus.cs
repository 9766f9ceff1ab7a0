namespace CaseGrains.Domain.Complaints;

/// <summary>Where an enforcement complaint stands in its workflow.</summary>
public enum ComplaintStatus
{
    /// <summary>登记: received; the supervision office checks whether it is one to handle.</summary>
    Received,

    /// <summary>核查受理: it concerns enforcement conduct the office supervises and is being handled.</summary>
    Verified,

    /// <summary>不予受理: out of scope; the complainant is still answered, with the reasons.</summary>
    Rejected,

    /// <summary>办理完毕: found substantiated (with corrective action) or not.</summary>
    Handled,

    /// <summary>已答复投诉举报人.</summary>
    Answered,

    /// <summary>办结.</summary>
    Closed,
}
