namespace CaseGrains.Domain.Complaints;

/// <summary>投诉举报人. Their phone number is personal data: validated here, encrypted at rest by the grain, as an
/// applicant's is.</summary>
public sealed record Complainant
{
    public required string Name { get; init; }

    public string? Phone { get; init; }
}
