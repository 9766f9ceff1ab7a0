namespace CaseGrains.Domain.Supervision;

/// <summary>One Art. 77 measure taken against an overdue agency.</summary>
public sealed record FollowUp
{
    public required FollowUpKind Kind { get; init; }

    /// <summary>The day the measure was taken (a summons: the day it was held).</summary>
    public required DateOnly TakenOn { get; init; }

    /// <summary>What was said or published; empty for a compliance order.</summary>
    public string? Summary { get; init; }

    /// <summary>For a compliance order, the day the agency must comply by, as counted (a rest day moves it to the next
    /// working day, Art. 88).</summary>
    public DateOnly? ComplyBy { get; init; }
}
