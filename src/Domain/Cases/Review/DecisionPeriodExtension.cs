namespace CaseGrains.Domain.Cases;

/// <summary>The one extension of the decision period, approved by the head of the body (Art. 62(1)).</summary>
public sealed record DecisionPeriodExtension
{
    public required int Days { get; init; }

    public required string ApprovedBy { get; init; }

    public required DateOnly GrantedOn { get; init; }
}
