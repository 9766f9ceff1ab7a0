namespace CaseGrains.Domain.Cases;

/// <summary>
/// The administrative act the application challenges (被申请复议的行政行为), with the facts that decide the filing
/// period (Art. 20, 21) and whether the simplified procedure may apply (Art. 53).
/// </summary>
public sealed record ChallengedAct
{
    public required string Description { get; init; }

    /// <summary>The day the act was made.</summary>
    public required DateOnly ActOn { get; init; }

    /// <summary>The day the applicant knew or should have known of the act (知道或者应当知道).</summary>
    public required DateOnly KnownOn { get; init; }

    /// <summary>Whether the agency told the applicant of the right to apply and the period (Art. 20(3)).</summary>
    public bool InformedOfRight { get; init; } = true;

    /// <summary>涉及不动产: the long-stop period is 20 years instead of 5 (Art. 21).</summary>
    public bool InvolvesRealEstate { get; init; }

    /// <summary>当场作出.</summary>
    public bool MadeOnTheSpot { get; init; }

    public PenaltyKind? PenaltyKind { get; init; }

    /// <summary>The amount of money involved, in yuan.</summary>
    public decimal? AmountYuan { get; init; }

    /// <summary>政府信息公开案件.</summary>
    public bool IsInformationDisclosure { get; init; }
}
