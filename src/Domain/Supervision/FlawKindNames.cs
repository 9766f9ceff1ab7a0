using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Supervision;

/// <summary>The Chinese names of the flaw kinds, for the texts the platform drafts.</summary>
internal static class FlawKindNames
{
    public static string Of(FlawKind kind) => kind switch
    {
        FlawKind.Procedure => "违反法定程序",
        FlawKind.Facts => "主要事实不清、证据不足",
        FlawKind.LegalBasis => "适用依据错误",
        FlawKind.ImproperDiscretion => "行政裁量明显不当",
        FlawKind.ExceedingAuthority => "超越职权或者滥用职权",
        FlawKind.Inaction => "不履行法定职责",
        _ => "其他执法问题",
    };
}
