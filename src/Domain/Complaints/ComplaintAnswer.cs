namespace CaseGrains.Domain.Complaints;

/// <summary>答复: what the complainant was told, and whether it was late.</summary>
public sealed record ComplaintAnswer
{
    public required string Summary { get; init; }

    public required DateOnly AnsweredOn { get; init; }

    public required bool Late { get; init; }
}
