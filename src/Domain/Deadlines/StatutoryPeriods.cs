namespace CaseGrains.Domain.Deadlines;

/// <summary>The periods of the Administrative Reconsideration Law (行政复议法, 2023 revision).</summary>
public static class StatutoryPeriods
{
    public static readonly StatutoryPeriod Review = new(DeadlineKind.Review, 5, DeadlineUnit.WorkingDays, "《行政复议法》第三十条");

    public static readonly StatutoryPeriod Correction = new(DeadlineKind.Correction, 10, DeadlineUnit.WorkingDays, "《行政复议法》第三十一条");

    public static readonly StatutoryPeriod CopyToRespondent = new(DeadlineKind.CopyToRespondent, 7, DeadlineUnit.WorkingDays, "《行政复议法》第四十八条");

    public static readonly StatutoryPeriod CopyToRespondentSimplified = new(DeadlineKind.CopyToRespondent, 3, DeadlineUnit.WorkingDays, "《行政复议法》第五十四条");

    public static readonly StatutoryPeriod Reply = new(DeadlineKind.Reply, 10, DeadlineUnit.WorkingDays, "《行政复议法》第四十八条");

    public static readonly StatutoryPeriod ReplySimplified = new(DeadlineKind.Reply, 5, DeadlineUnit.WorkingDays, "《行政复议法》第五十四条");

    public static readonly StatutoryPeriod HearingNotice = new(DeadlineKind.HearingNotice, 5, DeadlineUnit.WorkingDays, "《行政复议法》第五十一条");

    public static readonly StatutoryPeriod Decision = new(DeadlineKind.Decision, 60, DeadlineUnit.NaturalDays, "《行政复议法》第六十二条第一款");

    public static readonly StatutoryPeriod DecisionSimplified = new(DeadlineKind.Decision, 30, DeadlineUnit.NaturalDays, "《行政复议法》第六十二条第二款");

    /// <summary>The longest extension of the decision period (Art. 62(1)), granted at most once.</summary>
    public const int MaxDecisionExtensionDays = 30;
}
