using CaseGrains.Abstractions.Calendar;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Grains.Tests.Support;

namespace CaseGrains.Grains.Tests.Calendar;

/// <summary>
/// Loading a holiday year recomputes, by itself, every running deadline the year can move and reports the cases that
/// changed; cases out of its reach are not asked. Each test loads a year of its own (the clock only moves forward), so
/// the tests of a class share one cluster.
/// </summary>
public abstract class DeadlineRecomputationSpecification(CaseCluster cluster)
{
    private readonly RecomputationScenario scenario = new(cluster);

    [Fact]
    public async Task Loading_a_year_moves_the_deadlines_it_reaches_records_why_in_each_case_and_reports_the_cases()
    {
        scenario.TravelToDecemberBeforeANewYear();
        var (accepted, decision) = await scenario.AcceptedAsync();
        var (heard, notice, _) = await scenario.HearingOnTheFourthAsync();
        var untouched = await scenario.ReceivedAsync();
        var arrangement = scenario.Arrangement(decision.DueOn);

        await scenario.LoadAsync(arrangement);
        Assert.True(await scenario.HasReminderAsync());
        var report = await scenario.CompletedAsync();

        Assert.Equal(scenario.Year, report.Year);
        Assert.Equal("u-admin", report.StartedBy);
        Assert.NotNull(report.CompletedAt);
        Assert.True(report.DueFrom < new DateOnly(scenario.Year, 1, 1));
        Assert.Equal(2, report.CasesChecked);
        Assert.Equal(2, report.CasesChanged);
        Assert.Equal(
            [new RecomputedCase(accepted, 1), new RecomputedCase(heard, 2)],
            report.ChangedCases.OrderBy(c => c.CaseId == heard));
        Assert.Equal(0, report.ChangedCasesNotListed);
        Assert.Equal(0, report.CasesFailed);
        Assert.True(await scenario.ReminderRemovedAsync());

        // The decision period ends on a day the year made a day off, so it ends on the next working day; the history
        // says from and to, and the reminder rows carry the new date.
        var (from, to) = RecomputationScenario.MoveOf(Assert.Single(await scenario.RecomputationsOfAsync(accepted)), DeadlineKind.Decision);
        Assert.Equal(decision.DueOn, from);
        Assert.True(to > from);
        Assert.Equal(to, RecomputationScenario.Deadline(await scenario.GetAsync(accepted), DeadlineKind.Decision).DueOn);
        Assert.All((await scenario.ScheduleAsync(accepted)).Where(e => e.Kind == "decision"), e => Assert.Equal(to, e.DueOn));

        // The hearing notice, due in December, had counted 1 to 3 January as working days: it must go out earlier.
        var (noticeFrom, noticeTo) = RecomputationScenario.MoveOf(Assert.Single(await scenario.RecomputationsOfAsync(heard)), DeadlineKind.HearingNotice);
        Assert.Equal(notice.DueOn, noticeFrom);
        Assert.True(noticeTo < noticeFrom);
        Assert.Contains(await scenario.ScheduleAsync(heard), e => e.Kind == "hearingNotice" && e.DueOn == noticeTo);

        Assert.Empty(await scenario.RecomputationsOfAsync(untouched));
    }

    [Fact]
    public async Task Loading_the_same_year_again_starts_over_while_a_repeated_start_changes_nothing()
    {
        scenario.TravelToDecemberBeforeANewYear();
        var (accepted, decision) = await scenario.AcceptedAsync();
        var arrangement = scenario.Arrangement(decision.DueOn);
        await scenario.LoadAsync(arrangement);
        var first = await scenario.CompletedAsync();
        Assert.Equal([new RecomputedCase(accepted, 1)], first.ChangedCases);

        Assert.Equal(RecomputationScenario.Json(first), RecomputationScenario.Json(await scenario.Recomputation.Start("u-someone", first.CalendarVersion)));
        Assert.Equal(RecomputationScenario.Json(first), RecomputationScenario.Json(await scenario.Recomputation.Start("u-someone", first.CalendarVersion - 1)));
        Assert.Equal(RecomputationScenario.Json(first), RecomputationScenario.Json(await scenario.Recomputation.GetReport()));

        await scenario.LoadAsync(arrangement);
        var second = await scenario.CompletedAsync();

        // A new run over the same case, which has nothing left to move.
        Assert.Equal(first.CalendarVersion + 1, second.CalendarVersion);
        Assert.True(second.StartedAt > first.StartedAt);
        Assert.Equal(1, second.CasesChecked);
        Assert.Equal(0, second.CasesChanged);
        Assert.Empty(second.ChangedCases);
        Assert.Single(await scenario.RecomputationsOfAsync(accepted));
    }
}

public sealed class InMemoryDeadlineRecomputationTests(RecomputingInMemoryCaseCluster cluster)
    : DeadlineRecomputationSpecification(cluster), IClassFixture<RecomputingInMemoryCaseCluster>;

public sealed class PostgresDeadlineRecomputationTests(RecomputingPostgresCaseCluster cluster)
    : DeadlineRecomputationSpecification(cluster), IClassFixture<RecomputingPostgresCaseCluster>;
