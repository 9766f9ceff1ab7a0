namespace CaseGrains.Domain.Supervision;

/// <summary>Where an instrument stands in its lifecycle.</summary>
public enum InstrumentStatus
{
    /// <summary>拟稿: drafted, not yet approved; its text may be revised.</summary>
    Drafted,

    /// <summary>不予制发: the draft was discarded.</summary>
    Discarded,

    /// <summary>已制发: approved, numbered and issued; not yet served on the agency.</summary>
    Issued,

    /// <summary>已送达: the agency received it and its rectification period runs.</summary>
    Received,

    /// <summary>已报送整改情况: the agency reported; the issuer reviews the report.</summary>
    RectificationReported,

    /// <summary>退回重报: the report was sent back; the agency reports again by the date given.</summary>
    SentBack,

    /// <summary>逾期未报送: the period ran out without a report; the Art. 77 follow-ups are available and the matter went up a
    /// level (<see cref="SupervisionInstrument.Escalations"/>). The agency may still report.</summary>
    Overdue,

    /// <summary>整改验收通过: the report was accepted.</summary>
    Accepted,

    /// <summary>办结.</summary>
    Closed,
}
