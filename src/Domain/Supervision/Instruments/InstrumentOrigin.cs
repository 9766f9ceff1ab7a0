namespace CaseGrains.Domain.Supervision;

/// <summary>How an instrument came about.</summary>
public enum InstrumentOrigin
{
    /// <summary>个案监督: an officer drafted an opinion letter from one case (Art. 76).</summary>
    CaseOpinion,

    /// <summary>普遍性、倾向性问题: the agency's record found the same flaw repeated across its corrected cases
    /// (<see cref="PatternRule"/>) and drafted an agency-wide supervision notice.</summary>
    Pattern,

    /// <summary>转为行政执法监督程序: an officer converted one case into an enforcement-supervision procedure against the agency
    /// (the seed's Dadong example, where an uncorrected case revealed a general gap).</summary>
    CaseConversion,
}
