namespace CaseGrains.Domain.Cases;

/// <summary>What a correcting decision found wrong with the act; the kinds that, repeated across cases against one
/// agency, reveal a general or trending problem (普遍性、倾向性问题).</summary>
public enum FlawKind
{
    /// <summary>违反法定程序.</summary>
    Procedure,

    /// <summary>主要事实不清、证据不足.</summary>
    Facts,

    /// <summary>适用依据错误.</summary>
    LegalBasis,

    /// <summary>明显不当 (improper use of discretion).</summary>
    ImproperDiscretion,

    /// <summary>超越职权或者滥用职权.</summary>
    ExceedingAuthority,

    /// <summary>不履行法定职责.</summary>
    Inaction,

    Other,
}
