using System.Text.Json;
using CaseGrains.Abstractions.Calendar;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Time;
using CaseGrains.Grains.Calendar;
using CaseGrains.Grains.Tests.Support;
using CaseGrains.Persistence.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace CaseGrains.Grains.Tests.Calendar;

/// <summary>
/// The world of a recomputation test: a clock moved to 1 December of the year before a year no test has loaded yet,
/// cases whose deadlines that year can or cannot move, and a made-up arrangement for the year that moves them: every
/// weekday of 1 to 3 January off (a hearing notice counted back from 4 January, though due in December, moves earlier)
/// and the decision due date off (the decision period of a case accepted on 1 December ends a day later).
/// </summary>
internal sealed class RecomputationScenario(CaseCluster cluster)
{
    private static readonly Principal Administrator = new("u-admin", "S-R210000", Role.Administrator, "/R210000/");

    private ShiftedClock Clock => (ShiftedClock)cluster.Clock!;

    /// <summary>The year this scenario loads.</summary>
    public int Year { get; private set; }

    public IDeadlineRecomputationGrain Recomputation => cluster.Grains.GetGrain<IDeadlineRecomputationGrain>(Year);

    /// <summary>Moves the clock to 09:00 on 1 December of the year before <see cref="Year"/>: the first year whose
    /// December before has not begun by the clock, so that every test of a cluster has a year of its own.</summary>
    public void TravelToDecemberBeforeANewYear()
    {
        var today = ChinaTime.Today(Clock);
        Year = today < new DateOnly(today.Year, 12, 1) ? today.Year + 1 : today.Year + 2;
        Clock.TravelTo(new DateTimeOffset(Year - 1, 12, 1, 9, 0, 0, ChinaTime.Offset));
    }

    /// <summary>Past the wait with which a recomputation's activation lets every silo's calendar copy expire (their
    /// lifetime and a second).</summary>
    public void TravelPastCalendarCopies() => Clock.TravelTo(Clock.GetUtcNow() + CalendarSource.Freshness + TimeSpan.FromSeconds(2));

    /// <summary>A case received only: its review period ends in early December, out of the year's reach.</summary>
    public async Task<string> ReceivedAsync() => (await ReceiveAsync()).Id;

    /// <summary>A case accepted under the ordinary procedure on 1 December: its 60-day decision period ends in the year.</summary>
    public async Task<(string Id, DeadlineView Decision)> AcceptedAsync()
    {
        var (id, _) = await ReceiveAsync();
        var view = await PerformAsync(id, Samples.AcceptOrdinary);
        return (id, Deadline(view, DeadlineKind.Decision));
    }

    /// <summary>An accepted case with a hearing on 4 January: its notice is due in late December.</summary>
    public async Task<(string Id, DeadlineView Notice, DeadlineView Decision)> HearingOnTheFourthAsync()
    {
        var (id, _) = await AcceptedAsync();
        var view = await PerformAsync(id, new ScheduleHearing { HearingOn = new DateOnly(Year, 1, 4) });
        var notice = Deadline(view, DeadlineKind.HearingNotice);
        Assert.True(notice.DueOn < new DateOnly(Year, 1, 1), $"the notice is due {notice.DueOn}, not in December");
        return (id, notice, Deadline(view, DeadlineKind.Decision));
    }

    /// <summary>The year's made-up arrangement: every weekday of 1 to 3 January off, and <paramref name="decisionDueOn"/>.</summary>
    public HolidayYear Arrangement(DateOnly decisionDueOn) => new(
        Year,
        [.. Enumerable.Range(1, 3).Select(day => new DateOnly(Year, 1, day)).Where(d => !WorkingDayCalendar.IsWeekend(d)).Append(decisionDueOn)
            .Select(d => new HolidayDate(d, "测试假日"))],
        []);

    /// <summary>Loads the year as an administrator would, through the calendar grain.</summary>
    public async Task LoadAsync(HolidayYear arrangement) =>
        Assert.Empty(await cluster.Grains.GetGrain<ICalendarGrain>(ICalendarGrain.Key).LoadYear(arrangement, Administrator));

    /// <summary>Polls the report until the run completed (its timer runs the batches), for at most half a minute.</summary>
    public async Task<DeadlineRecomputationReport> CompletedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var report = await Recomputation.GetReport();
            if (report is { Status: DeadlineRecomputationStatus.Completed })
            {
                return report;
            }

            Assert.False(timeout.IsCancellationRequested, $"the recomputation of {Year} did not complete: {report}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    public async Task<CaseView> GetAsync(string id) => (await cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id).Get(Samples.Head)).Succeeded();

    /// <summary>The payloads of the case's <c>recomputeDeadlines</c> history entries, which the system wrote.</summary>
    public async Task<List<JsonElement>> RecomputationsOfAsync(string id)
    {
        var entries = (await cluster.Store.ReadHistoryAsync(id)).Where(e => e.Action == "recomputeDeadlines").ToList();
        Assert.All(entries, e => Assert.Equal("system", e.ActorUserId));
        return [.. entries.Select(e => JsonDocument.Parse(e.PayloadJson).RootElement)];
    }

    /// <summary>The case's rows of the deadline index.</summary>
    public async Task<List<ScheduleEntry>> ScheduleAsync(string id)
    {
        var index = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderIndex>();
        var all = await index.DueAsync(ReminderPartitions.Of(id), DateTimeOffset.MaxValue.AddYears(-1), 100_000);
        return [.. all.Where(e => e.CaseId == id)];
    }

    /// <summary>Whether the recomputation has its Orleans reminder (registered while it runs).</summary>
    public async Task<bool> HasReminderAsync()
    {
        var table = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        return (await table.ReadRows(Recomputation.GetGrainId())).Reminders.Count > 0;
    }

    /// <summary>Whether the reminder is gone within ten seconds: a finished run removes it right after storing its
    /// report, so a test that has just read the completed report may be a moment early.</summary>
    public async Task<bool> ReminderRemovedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await HasReminderAsync())
        {
            if (timeout.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return true;
    }

    /// <summary>The change the case's one recomputation recorded for a deadline of <paramref name="kind"/>.</summary>
    public static (DateOnly From, DateOnly To) MoveOf(JsonElement recomputation, DeadlineKind kind)
    {
        var change = recomputation.GetProperty("changes").EnumerateArray()
            .Single(c => string.Equals(c.GetProperty("kind").GetString(), kind.ToString(), StringComparison.OrdinalIgnoreCase));
        return (DateOnly.Parse(change.GetProperty("previousDueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(change.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A report as a value: records compare their lists by reference.</summary>
    public static string Json(DeadlineRecomputationReport? report) => JsonSerializer.Serialize(report);

    public static DeadlineView Deadline(CaseView view, DeadlineKind kind) => view.Deadlines.Last(d => d.Kind == kind);

    private async Task<(string Id, CaseView View)> ReceiveAsync()
    {
        var id = Samples.NewCaseId();
        var application = Samples.TrafficFineOnTheClock(Clock);
        var view = (await cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id).Receive(application, Samples.By(Samples.Clerk))).Succeeded();
        return (id, view);
    }

    private async Task<CaseView> PerformAsync(string id, CaseCommand command) =>
        (await cluster.Grains.GetGrain<IReconsiderationCaseGrain>(id).Perform(command, Samples.By(command is Accept ? Samples.Reviewer : Samples.Clerk))).Succeeded();
}
