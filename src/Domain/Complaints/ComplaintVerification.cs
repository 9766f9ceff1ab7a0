namespace CaseGrains.Domain.Complaints;

/// <summary>核查: why the office takes the complaint up.</summary>
public sealed record ComplaintVerification
{
    public required string Summary { get; init; }

    public required DateOnly VerifiedOn { get; init; }
}
