namespace CaseGrains.Domain.Complaints;

/// <summary>Why a complaint is out of the supervision office's scope.</summary>
public enum ComplaintRejectionGround
{
    /// <summary>不属于行政执法行为.</summary>
    NotEnforcementConduct,

    /// <summary>应当通过行政复议、行政诉讼等法定途径解决.</summary>
    OtherRemedyAvailable,

    /// <summary>重复投诉举报且无新的事实和理由.</summary>
    Duplicate,
}
