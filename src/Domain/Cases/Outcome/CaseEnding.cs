namespace CaseGrains.Domain.Cases;

/// <summary>How a case ended: the figure the closure, mediation and correction rates are computed from.</summary>
public enum CaseEnding
{
    /// <summary>立案前化解.</summary>
    ResolvedBeforeFiling,

    /// <summary>不予受理.</summary>
    NotAccepted,

    /// <summary>逾期不补正，视为放弃.</summary>
    Abandoned,

    /// <summary>撤回申请.</summary>
    Withdrawn,

    /// <summary>被申请人自行纠正后撤回: counts toward the correction rate (纠错率).</summary>
    WithdrawnAfterAgencyCorrected,

    /// <summary>和解.</summary>
    Settled,

    /// <summary>调解.</summary>
    Mediated,

    /// <summary>终止 on a ground of Art. 41.</summary>
    Terminated,

    /// <summary>作出行政复议决定.</summary>
    Decided,
}
