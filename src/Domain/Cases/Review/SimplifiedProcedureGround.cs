namespace CaseGrains.Domain.Cases;

/// <summary>Why the simplified procedure applies (Art. 53).</summary>
public enum SimplifiedProcedureGround
{
    /// <summary>被申请行政复议的行政行为是当场作出.</summary>
    OnTheSpotDecision,

    /// <summary>被申请行政复议的行政行为是警告或者通报批评.</summary>
    WarningOrCriticism,

    /// <summary>案件涉及款额三千元以下.</summary>
    SmallAmount,

    /// <summary>属于政府信息公开案件.</summary>
    InformationDisclosure,

    /// <summary>当事人各方同意适用简易程序.</summary>
    PartiesAgree,
}
