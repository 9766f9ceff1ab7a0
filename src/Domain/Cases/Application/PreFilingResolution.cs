namespace CaseGrains.Domain.Cases;

/// <summary>How the dispute was resolved before the application was accepted (立案前化解).</summary>
public sealed record PreFilingResolution
{
    public required string Summary { get; init; }

    public required DateOnly ResolvedOn { get; init; }
}
