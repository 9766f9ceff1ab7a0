namespace CaseGrains.Domain.Supervision;

/// <summary>What the issuer or the supervisor above may do once an agency let its period run out (Art. 77).</summary>
public enum FollowUpKind
{
    /// <summary>责令限期履行: order it to comply by a date.</summary>
    OrderCompliance,

    /// <summary>约谈: summon its head.</summary>
    SummonHead,

    /// <summary>通报批评: criticise it publicly.</summary>
    PublicCriticism,
}
