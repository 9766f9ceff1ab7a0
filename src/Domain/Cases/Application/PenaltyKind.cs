namespace CaseGrains.Domain.Cases;

/// <summary>The kind of administrative penalty (行政处罚种类, APL Art. 9) when the challenged act is one.</summary>
public enum PenaltyKind
{
    /// <summary>警告.</summary>
    Warning,

    /// <summary>通报批评.</summary>
    Criticism,

    /// <summary>罚款.</summary>
    Fine,

    /// <summary>没收违法所得、没收非法财物.</summary>
    Confiscation,

    /// <summary>暂扣许可证件、降低资质等级、吊销许可证件 and similar.</summary>
    LicenceSuspension,

    /// <summary>行政拘留.</summary>
    Detention,

    Other,
}
