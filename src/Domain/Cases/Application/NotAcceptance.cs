namespace CaseGrains.Domain.Cases;

/// <summary>The decision not to accept the application (不予受理决定).</summary>
public sealed record NotAcceptance
{
    public required NotAcceptanceGround Ground { get; init; }

    public required string Reasons { get; init; }

    /// <summary>The body the applicant is told to apply to, when jurisdiction was wrong.</summary>
    public string? CompetentBodyId { get; init; }

    public required DateOnly DecidedOn { get; init; }
}
