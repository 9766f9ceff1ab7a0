using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Tests.Cases.Support;

internal static class Decisions
{
    /// <summary>A well-formed decision of <paramref name="type"/>: with a finding exactly when it corrects the act.</summary>
    public static Decide Of(DecisionType type, bool orderNewAct = false) => new()
    {
        Type = type,
        Findings = type.IsCorrection ? [FlawKind.Facts] : [],
        LegalBasis = "《中华人民共和国行政复议法》第六十四条",
        Summary = "主要事实不清、证据不足",
        ApprovedBy = "李主任",
        OrderNewAct = orderNewAct,
    };
}
