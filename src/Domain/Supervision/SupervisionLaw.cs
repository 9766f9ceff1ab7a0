namespace CaseGrains.Domain.Supervision;

/// <summary>The articles of the Administrative Reconsideration Law (行政复议法, 2023 revision) that supervision cites.</summary>
internal static class SupervisionLaw
{
    /// <summary>行政复议意见书: the agency reports its corrections within 60 days of receiving the letter.</summary>
    public const string Article76 = "《行政复议法》第七十六条";

    /// <summary>责令限期履行, 约谈, 通报批评 when an agency does not comply with a decision, mediation document or opinion letter.</summary>
    public const string Article77 = "《行政复议法》第七十七条";

    /// <summary>A supervision notice's period is set by the province's own rules, not by a national statute.</summary>
    public const string NoticeRules = "行政执法监督通知书（整改期限依本省行政执法监督规定）";
}
