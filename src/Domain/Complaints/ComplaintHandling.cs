using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Complaints;

/// <summary>办理结果: substantiated, with what was wrong and the corrective action ordered, or not substantiated.</summary>
public sealed record ComplaintHandling
{
    /// <summary>查证属实.</summary>
    public required bool Substantiated { get; init; }

    /// <summary>What was wrong with the conduct; empty unless substantiated.</summary>
    public required IReadOnlyList<FlawKind> Flaws { get; init; }

    /// <summary>责令纠正的措施; only when substantiated.</summary>
    public string? CorrectiveAction { get; init; }

    public string? LegalBasis { get; init; }

    public required string Summary { get; init; }

    public required DateOnly HandledOn { get; init; }
}
