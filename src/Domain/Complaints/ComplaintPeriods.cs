using CaseGrains.Domain.Deadlines;

namespace CaseGrains.Domain.Complaints;

/// <summary>How long the office has to answer the complainant, counted from receipt. Provinces set it; sixty natural days
/// unless configured.</summary>
public static class ComplaintPeriods
{
    public const int DefaultAnswerDays = 60;

    public const int MaxAnswerDays = 365;

    public const string Basis = "投诉举报答复期限（依本省行政执法监督规定）";

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 1–365.</exception>
    public static StatutoryPeriod Answer(int days = DefaultAnswerDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxAnswerDays);
        return new(DeadlineKind.ComplaintAnswer, days, DeadlineUnit.NaturalDays, Basis);
    }
}
