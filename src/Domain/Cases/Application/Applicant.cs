namespace CaseGrains.Domain.Cases;

/// <summary>The applicant (申请人). <see cref="IdNumber"/> is the resident ID or unified social credit code.</summary>
public sealed record Applicant
{
    public required ApplicantKind Kind { get; init; }

    public required string Name { get; init; }

    public string? IdNumber { get; init; }

    public string? Phone { get; init; }

    public string? Address { get; init; }
}
