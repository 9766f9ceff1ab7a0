using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Supervision;

/// <summary>制发行政复议意见书 (Art. 76), first step: an officer drafts an opinion letter to the respondent of a case under
/// review or decided (<see cref="SupervisionInstrument.DraftOpinionLetter"/>).</summary>
public sealed record DraftOpinionLetter
{
    public required string Title { get; init; }

    /// <summary>存在的问题: what the case showed to be unlawful or improper.</summary>
    public required string Problems { get; init; }

    /// <summary>意见和建议: what the agency is to correct.</summary>
    public required string Requirements { get; init; }

    public IReadOnlyList<FlawKind> Flaws { get; init; } = [];
}
