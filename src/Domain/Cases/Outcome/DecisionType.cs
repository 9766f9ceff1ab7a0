namespace CaseGrains.Domain.Cases;

/// <summary>The kinds of reconsideration decision (行政复议决定).</summary>
public enum DecisionType
{
    /// <summary>变更 (Art. 63).</summary>
    Alter,

    /// <summary>撤销, optionally ordering a new act (Art. 64).</summary>
    Annul,

    /// <summary>部分撤销, optionally ordering a new act (Art. 64).</summary>
    PartiallyAnnul,

    /// <summary>确认违法 (Art. 65).</summary>
    DeclareUnlawful,

    /// <summary>责令履行 (Art. 66).</summary>
    OrderPerformance,

    /// <summary>确认无效 (Art. 67).</summary>
    DeclareVoid,

    /// <summary>维持 (Art. 68).</summary>
    Uphold,

    /// <summary>驳回行政复议请求 (Art. 69).</summary>
    RejectClaim,

    /// <summary>驳回行政复议申请 (Art. 33).</summary>
    DismissApplication,
}
