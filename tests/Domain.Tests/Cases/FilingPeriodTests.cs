using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class FilingPeriodTests
{
    private static ChallengedAct Act(DateOnly actOn, DateOnly knownOn) => new() { Description = "处罚决定", ActOn = actOn, KnownOn = knownOn };

    [Fact]
    public void An_informed_applicant_has_60_days_that_end_on_a_working_day()
    {
        // 2 March + 60 days is 1 May, in the Labour Day holiday (1–5 May 2025).
        var period = FilingPeriod.For(Act(D(2025, 3, 2), D(2025, 3, 2)), D(2025, 5, 6), ShippedCalendar);

        Assert.Equal((D(2025, 5, 6), true), (period.LastDay, period.Timely));
    }

    [Fact]
    public void An_application_a_day_after_the_last_day_is_out_of_time()
    {
        var period = FilingPeriod.For(Act(D(2025, 3, 2), D(2025, 3, 2)), D(2025, 5, 7), ShippedCalendar);

        Assert.False(period.Timely);
    }

    [Fact]
    public void An_applicant_never_told_of_the_right_has_one_year_from_knowing_the_act()
    {
        // 15 February 2026 falls in Spring Festival 2026 (15–23 February).
        var period = FilingPeriod.For(Act(D(2025, 2, 15), D(2025, 2, 15)) with { InformedOfRight = false }, D(2025, 6, 1), ShippedCalendar);

        Assert.Equal((D(2026, 2, 24), false), (period.LastDay, period.Provisional));
    }

    [Fact]
    public void No_application_is_timely_more_than_five_years_after_the_act()
    {
        var period = FilingPeriod.For(Act(D(2020, 1, 10), D(2025, 1, 2)), D(2025, 1, 24), ShippedCalendar);

        Assert.Equal((D(2025, 1, 10), false), (period.LastDay, period.Timely));
    }

    [Fact]
    public void For_real_estate_the_outer_limit_is_twenty_years()
    {
        var period = FilingPeriod.For(Act(D(2020, 1, 10), D(2025, 1, 2)) with { InvolvesRealEstate = true }, D(2025, 1, 24), ShippedCalendar);

        Assert.Equal((D(2025, 3, 3), true), (period.LastDay, period.Timely));
    }

    [Fact]
    public void A_last_day_in_a_year_without_a_holiday_arrangement_is_provisional()
    {
        Assert.True(FilingPeriod.For(Act(D(2024, 11, 1), D(2024, 11, 1)), D(2025, 1, 2), ShippedCalendar).Provisional);
        Assert.False(FilingPeriod.For(Act(D(2024, 12, 20), D(2024, 12, 20)), D(2025, 1, 2), ShippedCalendar).Provisional);
    }

    [Fact]
    public void Receiving_records_the_filing_period()
    {
        var application = Application(D(2025, 1, 24)) with { ChallengedAct = Act(D(2024, 11, 1), D(2024, 11, 1)) };

        var state = ReconsiderationCase.Receive("FY-1", application, Routing, At(D(2025, 1, 24))).ShouldSucceed().State;

        Assert.Equal((D(2024, 12, 31), false), (state.FilingPeriod.LastDay, state.FilingPeriod.Timely));
    }
}
