using CaseGrains.Domain.Deadlines;

namespace CaseGrains.Domain.Supervision;

/// <summary>How long an agency has to report on its rectification.</summary>
public static class SupervisionPeriods
{
    /// <summary>Sixty natural days from receipt of an opinion letter (自收到行政复议意见书之日起六十日内, Art. 76).</summary>
    public static readonly StatutoryPeriod OpinionLetter = new(DeadlineKind.Rectification, 60, DeadlineUnit.NaturalDays, SupervisionLaw.Article76);

    /// <summary>Provinces set their own period for a supervision notice; thirty natural days unless configured.</summary>
    public const int DefaultNoticeDays = 30;

    public const int MaxNoticeDays = 365;

    /// <summary>The period of a supervision notice: <paramref name="days"/> natural days from receipt.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 1–365.</exception>
    public static StatutoryPeriod Notice(int days = DefaultNoticeDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxNoticeDays);
        return new(DeadlineKind.Rectification, days, DeadlineUnit.NaturalDays, SupervisionLaw.NoticeRules);
    }

    /// <summary>A period that an officer sets by naming its last day: as many natural days as lie between, so that a rest
    /// day moves it to the next working day like any natural-day period (Art. 88).</summary>
    internal static StatutoryPeriod Until(DeadlineKind kind, DateOnly from, DateOnly until, string basis) =>
        new(kind, until.DayNumber - from.DayNumber, DeadlineUnit.NaturalDays, basis);
}
