using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Deadlines.Reminders.ReminderStep;
using static CaseGrains.Domain.Tests.Calendar.TestCalendars;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;
using Kind = CaseGrains.Domain.Deadlines.DeadlineKind;

namespace CaseGrains.Domain.Tests.Cases;

/// <summary>Loading a holiday year counts every running deadline again and says which ones moved.</summary>
public sealed class RecomputeDeadlinesTests
{
    /// <summary>Received Thu 31 Dec 2026 with no 2027 arrangement: 1 Jan counts, so the review is due Thu 7 Jan, provisional.</summary>
    private static CaseBuilder ReceivedOnNewYearsEve() => Given.CaseReceivedOn(D(2026, 12, 31));

    [Fact]
    public void Loading_the_next_year_moves_a_provisional_due_date_and_reports_it()
    {
        var builder = ReceivedOnNewYearsEve();
        Assert.Equal((D(2027, 1, 7), true), (builder.State.Deadlines[0].DueOn, builder.State.Deadlines[0].Provisional));

        // The made-up 2027 arrangement makes Fri 1 Jan a day off: 4-8 Jan, due Fri 8 Jan, definite.
        var transition = builder.Using(WithHypothetical2027).When(new RecomputeDeadlines());

        var recomputed = transition.ShouldRecord<DeadlinesRecomputed>();
        Assert.Equal(D(2026, 12, 31), recomputed.RecomputedOn);
        Assert.Equal(
            new DeadlineChange { DeadlineId = 0, Kind = Kind.Review, PreviousDueOn = D(2027, 1, 7), DueOn = D(2027, 1, 8), WasProvisional = true, Provisional = false },
            Assert.Single(recomputed.Changes));
        Assert.Equal((D(2027, 1, 8), false), (transition.State!.Deadlines[0].DueOn, transition.State.Deadlines[0].Provisional));
        Assert.Equal(CaseActionName.RecomputeDeadlines, recomputed.Action);
    }

    [Fact]
    public void The_ladder_follows_the_new_due_date_and_a_warning_fired_for_the_old_one_fires_again()
    {
        var builder = ReceivedOnNewYearsEve();
        var oldDueToday = builder.Scheduled(Kind.Review, DueToday);
        builder.Fired(Kind.Review, AdvanceWarning);
        Assert.Equal(D(2027, 1, 4), builder.Today);

        builder.Using(WithHypothetical2027).Then(new RecomputeDeadlines());

        // Three working days before Fri 8 Jan: 7, 6, 5 Jan.
        Assert.Equal(
            [(AdvanceWarning, D(2027, 1, 5), false), (DueToday, D(2027, 1, 8), false), (Overdue, D(2027, 1, 9), false)],
            builder.Ladder().Select(r => (r.Step, r.On, r.Provisional)));
        builder.On(D(2027, 1, 7)).When(oldDueToday.ToCommand()).ShouldBeUnchanged(builder.State, "reminder_stale");
    }

    [Fact]
    public void A_provisional_flag_that_clears_is_a_change_even_when_the_date_stays()
    {
        // Accepted Tue 1 Dec 2026: 60 days is Sat 30 Jan 2027, so Mon 1 Feb, with or without the 2027 arrangement.
        var builder = Given.CaseReceivedOn(D(2026, 12, 1)).Accepted();

        var recomputed = builder.Using(WithHypothetical2027).When(new RecomputeDeadlines()).ShouldRecord<DeadlinesRecomputed>();

        Assert.Equal(
            new DeadlineChange { DeadlineId = 2, Kind = Kind.Decision, PreviousDueOn = D(2027, 2, 1), DueOn = D(2027, 2, 1), WasProvisional = true, Provisional = false },
            Assert.Single(recomputed.Changes));
    }

    [Fact]
    public void Nothing_moves_when_every_deadline_is_already_counted_on_a_loaded_year()
    {
        var builder = CaseStates.Named("copySent");

        builder.When(new RecomputeDeadlines()).ShouldBeUnchanged(builder.State, "deadlines_unchanged");
        builder.Using(WithHypothetical2027).When(new RecomputeDeadlines()).ShouldBeUnchanged(builder.State, "deadlines_unchanged");
    }

    [Fact]
    public void Recomputing_twice_changes_nothing_the_second_time()
    {
        var builder = ReceivedOnNewYearsEve().Using(WithHypothetical2027).Then(new RecomputeDeadlines());

        builder.When(new RecomputeDeadlines()).ShouldBeUnchanged(builder.State, "deadlines_unchanged");
    }

    [Fact]
    public void Paused_deadlines_are_counted_when_they_resume_not_when_the_year_is_loaded()
    {
        var builder = Given.CaseReceivedOn(D(2026, 12, 1)).Accepted().On(D(2026, 12, 2)).Suspended();

        builder.Using(WithHypothetical2027).When(new RecomputeDeadlines()).ShouldBeUnchanged(builder.State, "deadlines_unchanged");
    }

    [Fact]
    public void Completed_and_cancelled_deadlines_stay_as_they_ended()
    {
        // The review was met on acceptance; only the running decision period is recounted.
        var builder = Given.CaseReceivedOn(D(2026, 12, 31)).Accepted();

        var recomputation = builder.State.RecomputeDeadlines(WithHypothetical2027);

        Assert.Equal(builder.State.Deadlines[0], recomputation.Case.Deadlines[0]);
        Assert.DoesNotContain(recomputation.Changes, c => c.Kind == Kind.Review);
        Assert.Equal([Kind.CopyToRespondent, Kind.Decision], recomputation.Changes.Select(c => c.Kind));
    }

    [Fact]
    public void The_pure_recomputation_returns_the_case_itself_when_nothing_moved()
    {
        var state = CaseStates.Named("underReview").State;

        var recomputation = state.RecomputeDeadlines(Shipped);

        Assert.Same(state, recomputation.Case);
        Assert.False(recomputation.HasChanges);
    }
}
