using CaseGrains.Domain.Deadlines;
using static CaseGrains.Domain.Tests.Calendar.TestCalendars;

namespace CaseGrains.Domain.Tests.Deadlines;

/// <summary>The extension of the decision period (Art. 62) and recomputation when a new holiday year is loaded.</summary>
public class DeadlineChangeTests
{
    // Accepted Mon 3 Mar 2025: 60 days is Fri 2 May, Labour Day, so due Tue 6 May.
    private static readonly Deadline Decision = Deadline.Start(StatutoryPeriods.Decision, D("2025-03-03"), Shipped);

    [Fact]
    public void Extending_the_decision_period_by_30_days_counts_90_days_from_acceptance()
    {
        // 90 days is Sun 1 Jun, Dragon Boat (31 May-2 Jun off), so Tue 3 Jun.
        var extended = Decision.Extend(StatutoryPeriods.MaxDecisionExtensionDays, Shipped);

        Assert.Equal(90, extended.Length);
        Assert.Equal(30, extended.ExtendedByDays);
        Assert.Equal(D("2025-06-03"), extended.DueOn);
        Assert.Equal(DeadlinePhase.Running, extended.Phase);
    }

    [Fact]
    public void An_extension_granted_during_a_suspension_applies_on_resumption()
    {
        // Suspended Sun 23 Mar (20 consumed), extended by 30 (70 left), resumed Mon 7 Apr: Mon 16 Jun.
        var paused = Decision.Pause(D("2025-03-23"), Shipped).Extend(30, Shipped);
        Assert.Equal(DeadlinePhase.Paused, paused.Phase);
        Assert.Equal(Decision.DueOn, paused.DueOn);
        Assert.Equal(70, paused.RemainingOn(D("2025-04-01"), Shipped));

        Assert.Equal(D("2025-06-16"), paused.Resume(D("2025-04-07"), Shipped).DueOn);
    }

    [Fact]
    public void Loading_the_next_year_recomputes_a_provisional_working_day_deadline()
    {
        // Review received Thu 31 Dec 2026. Without 2027: Fri 1 Jan counts, so Thu 7 Jan, provisional.
        // With the (hypothetical) 2027 arrangement making 1 Jan a day off: Mon 4-Fri 8, so Fri 8 Jan, definite.
        var review = Deadline.Start(StatutoryPeriods.Review, D("2026-12-31"), Shipped);
        Assert.Equal(D("2027-01-07"), review.DueOn);
        Assert.True(review.Provisional);

        var recomputed = review.Recompute(WithHypothetical2027);

        Assert.Equal(D("2027-01-08"), recomputed.DueOn);
        Assert.False(recomputed.Provisional);
    }

    [Fact]
    public void Loading_the_next_year_clears_the_provisional_flag_even_when_the_date_stays()
    {
        // Decision accepted Tue 1 Dec 2026: 60 days is Sat 30 Jan 2027, so Mon 1 Feb, before and after loading.
        var decision = Deadline.Start(StatutoryPeriods.Decision, D("2026-12-01"), Shipped);
        Assert.Equal(D("2027-02-01"), decision.DueOn);
        Assert.True(decision.Provisional);

        var recomputed = decision.Recompute(WithHypothetical2027);

        Assert.Equal(D("2027-02-01"), recomputed.DueOn);
        Assert.False(recomputed.Provisional);
    }

    [Fact]
    public void Recomputing_on_the_same_calendar_changes_nothing()
    {
        Assert.Equal(Decision, Decision.Recompute(Shipped));
    }

    [Fact]
    public void A_paused_deadline_is_not_recomputed_until_it_resumes()
    {
        var paused = Deadline.Start(StatutoryPeriods.Review, D("2026-12-31"), Shipped).Pause(D("2026-12-31"), Shipped);

        Assert.Equal(paused, paused.Recompute(WithHypothetical2027));
    }

    [Fact]
    public void A_completed_or_cancelled_deadline_is_not_recomputed()
    {
        var review = Deadline.Start(StatutoryPeriods.Review, D("2026-12-31"), Shipped);
        var completed = review.Complete(D("2027-01-05"));
        var cancelled = review.Cancel(D("2027-01-05"));

        Assert.Equal(completed, completed.Recompute(WithHypothetical2027));
        Assert.Equal(cancelled, cancelled.Recompute(WithHypothetical2027));
    }
}
