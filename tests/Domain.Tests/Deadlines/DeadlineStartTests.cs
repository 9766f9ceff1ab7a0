using System.Reflection;
using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Deadlines;
using static CaseGrains.Domain.Tests.Calendar.TestCalendars;

namespace CaseGrains.Domain.Tests.Deadlines;

/// <summary>
/// Every statutory period, started on Fri 26 Sep 2025, the last working day before the weekend that precedes
/// National Day 2025 (make-up Sun 28 Sep, off Wed 1 to Wed 8 Oct, make-up Sat 11 Oct).
/// </summary>
public class DeadlineStartTests
{
    private static readonly DateOnly Trigger = D("2025-09-26");

    public static TheoryData<string, string> Periods => new()
    {
        // 5 working days: Sun 28 (1) Mon 29 (2) Tue 30 (3), holiday, Thu 9 (4) Fri 10 (5)
        { nameof(StatutoryPeriods.Review), "2025-10-10" },
        // 10 working days: 28 29 30 (1-3), holiday, 9 10 (4-5), Sat 11 make-up (6), 13 14 15 16 (7-10)
        { nameof(StatutoryPeriods.Correction), "2025-10-16" },
        // 7 working days: 28 29 30 9 10 11 (1-6), Sun 12 rests, Mon 13 (7)
        { nameof(StatutoryPeriods.CopyToRespondent), "2025-10-13" },
        // 3 working days: Sun 28 (make-up), Mon 29, Tue 30
        { nameof(StatutoryPeriods.CopyToRespondentSimplified), "2025-09-30" },
        // 10 working days, as the correction period
        { nameof(StatutoryPeriods.Reply), "2025-10-16" },
        // 5 working days, as the review period
        { nameof(StatutoryPeriods.ReplySimplified), "2025-10-10" },
        // 5 working days when counted forward (it is normally counted back, see DeadlineBeforeTests)
        { nameof(StatutoryPeriods.HearingNotice), "2025-10-10" },
        // 60 natural days: 4 to 30 Sep, 31 in Oct, 25 in Nov = Tue 25 Nov, a working day
        { nameof(StatutoryPeriods.Decision), "2025-11-25" },
        // 30 natural days: Sun 26 Oct, a rest day, so Mon 27 Oct
        { nameof(StatutoryPeriods.DecisionSimplified), "2025-10-27" },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void A_deadline_starts_the_day_after_its_trigger_and_runs_for_its_statutory_period(string periodName, string expectedDue)
    {
        var period = Period(periodName);

        var deadline = Deadline.Start(period, Trigger, Shipped);

        Assert.Equal(period.Kind, deadline.Kind);
        Assert.Equal(period.Basis, deadline.Basis);
        Assert.Equal(period.Unit, deadline.Unit);
        Assert.Equal(period.Length, deadline.Length);
        Assert.Equal(Trigger, deadline.StartedOn);
        Assert.Equal(Trigger, deadline.SegmentStartedOn);
        Assert.Equal(D(expectedDue), deadline.DueOn);
        Assert.False(deadline.Provisional);
        Assert.False(deadline.FixedDueDate);
        Assert.Equal(DeadlinePhase.Running, deadline.Phase);
        Assert.Equal(0, deadline.ConsumedBeforeSegment);
        Assert.Equal(0, deadline.ExtendedByDays);
    }

    [Fact]
    public void The_table_covers_every_statutory_period()
    {
        var covered = Periods.Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(AllPeriods().Select(f => f.Name).Order(StringComparer.Ordinal), covered);
    }

    [Fact]
    public void Periods_of_3_5_7_or_10_days_are_working_days_and_all_others_natural_days()
    {
        Assert.All(AllPeriods(), field =>
        {
            var period = (StatutoryPeriod)field.GetValue(null)!;
            var expected = period.Length is 3 or 5 or 7 or 10 ? DeadlineUnit.WorkingDays : DeadlineUnit.NaturalDays;
            Assert.Equal(expected, period.Unit);
            Assert.StartsWith("《行政复议法》", period.Basis, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_deadline_running_into_2027_is_provisional()
    {
        // Thu 31 Dec 2026 + 5 working days on weekends alone: Fri 1 Jan (1), Mon 4-Thu 7 (2-5).
        var deadline = Deadline.Start(StatutoryPeriods.Review, D("2026-12-31"), Shipped);

        Assert.Equal(D("2027-01-07"), deadline.DueOn);
        Assert.True(deadline.Provisional);
    }

    internal static StatutoryPeriod Period(string name) =>
        (StatutoryPeriod)(typeof(StatutoryPeriods).GetField(name, BindingFlags.Public | BindingFlags.Static)
            ?? throw new ArgumentException($"No statutory period {name}.", nameof(name))).GetValue(null)!;

    private static IEnumerable<FieldInfo> AllPeriods() =>
        typeof(StatutoryPeriods).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(StatutoryPeriod));
}
