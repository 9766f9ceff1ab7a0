using CaseGrains.Domain.Calendar;

namespace CaseGrains.Domain.Cases;

/// <summary>
/// The application period (申请期限): 60 natural days from knowing the act, or at most one year when the applicant
/// was never told of the right (Art. 20); never later than 5 years after the act, 20 for real estate (Art. 21).
/// </summary>
public sealed record FilingPeriod
{
    private const int ApplicationDays = 60;
    private const int LongStopYears = 5;
    private const int RealEstateLongStopYears = 20;

    public required DateOnly LastDay { get; init; }

    /// <summary>Whether the application was received on or before <see cref="LastDay"/>.</summary>
    public required bool Timely { get; init; }

    /// <summary>True when the period was counted across a year without a loaded holiday arrangement.</summary>
    public bool Provisional { get; init; }

    public static FilingPeriod For(ChallengedAct act, DateOnly receivedOn, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(act);
        ArgumentNullException.ThrowIfNull(calendar);
        var days = act.InformedOfRight ? ApplicationDays : act.KnownOn.AddYears(1).DayNumber - act.KnownOn.DayNumber;
        var fromKnowledge = calendar.AddNaturalDays(act.KnownOn, days);

        // The long-stop is an outer limit of protection, not a period that ends on a working day.
        var longStop = act.ActOn.AddYears(act.InvolvesRealEstate ? RealEstateLongStopYears : LongStopYears);
        var lastDay = fromKnowledge.Date < longStop ? fromKnowledge.Date : longStop;
        return new FilingPeriod
        {
            LastDay = lastDay,
            Timely = receivedOn <= lastDay,

            // Only whether the last day is a rest day depends on the arrangement, so only its year matters.
            Provisional = lastDay == fromKnowledge.Date && !calendar.HasArrangementFor(lastDay.Year),
        };
    }
}
