namespace CaseGrains.Domain.Cases;

/// <summary>A settlement between applicant and respondent (和解, Art. 74), which ends the case.</summary>
public sealed record Settlement
{
    public required string Terms { get; init; }

    public required DateOnly SettledOn { get; init; }
}
