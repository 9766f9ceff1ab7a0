using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Complaints;

/// <summary>登记: a complaint or report about enforcement conduct arrives and a complaint is opened for it.</summary>
public sealed record ReceiveComplaint
{
    public required ComplaintKind Kind { get; init; }

    /// <summary>Required for a complaint; a report may be anonymous.</summary>
    public Complainant? Complainant { get; init; }

    public required string AgencyId { get; init; }

    /// <summary>The enforcement conduct complained of.</summary>
    public required string Conduct { get; init; }

    /// <summary>The day it arrived, when it is registered later; today when not given.</summary>
    public DateOnly? ReceivedOn { get; init; }
}
