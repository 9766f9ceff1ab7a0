namespace CaseGrains.Domain.Complaints;

/// <summary>不予受理, with the reasons the complainant is told.</summary>
public sealed record ComplaintRejection
{
    public required ComplaintRejectionGround Ground { get; init; }

    public required string Reasons { get; init; }

    public required DateOnly RejectedOn { get; init; }
}
