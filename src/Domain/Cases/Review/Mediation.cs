namespace CaseGrains.Domain.Cases;

/// <summary>The latest mediation (调解, Art. 73): it fails, or ends the case with a signed mediation document.</summary>
public sealed record Mediation
{
    public required DateOnly StartedOn { get; init; }

    public DateOnly? FailedOn { get; init; }

    /// <summary>The terms of the signed and sealed mediation document (调解书).</summary>
    public string? AgreementTerms { get; init; }

    public DateOnly? AgreedOn { get; init; }
}
