using CaseGrains.Abstractions.Calendar;
using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Time;
using CaseGrains.Persistence.Reminders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseGrains.Grains.Calendar;

/// <summary>
/// Recomputes the running deadlines a newly loaded holiday year can move (<see cref="IDeadlineRecomputationGrain"/>, key:
/// the year). The candidates are the cases of the deadline index with an entry due on or after
/// <see cref="HolidayYearReach.EarliestDueDate"/>, read in case order one batch at a time; each is asked to count its
/// deadlines again, at most <see cref="DeadlineRecomputationOptions.Parallelism"/> at once, and the report and the cursor
/// are stored after every batch. A grain timer drives the batches; an Orleans reminder, registered while a run goes,
/// brings the grain back after its silo failed, and the new activation goes on from the stored cursor.
/// </summary>
/// <remarks>
/// A case counts on its silo's copy of the calendar (<see cref="CalendarSource"/>), which can miss the new year for up
/// to <see cref="CalendarSource.Freshness"/> after the year was stored. The year is stored before a run starts, so every
/// activation waits <see cref="Settling"/> before its first batch, and from then on every copy has it. Not covered by the
/// walk: paused deadlines (no index entries; they are counted on the calendar of the day they resume), running deadlines
/// whose every reminder step has fired (no entries left), and a case action that read an old copy just before it
/// expired and committed only after the walk had passed that case.
/// </remarks>
public sealed partial class DeadlineRecomputationGrain(
    [PersistentState("deadlineRecomputation", StorageNames.Default)] IPersistentState<DeadlineRecomputationState> state,
    IReminderIndex index,
    IOptions<DeadlineRecomputationOptions> options,
    PlatformClock clock,
    ILogger<DeadlineRecomputationGrain> logger) : Grain, IDeadlineRecomputationGrain, IRemindable
{
    private const string ReminderName = "deadline-recomputation";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>The wait before the first batch of an activation: the lifetime of a calendar copy, plus a second for a
    /// case action that read an old copy just before it expired to commit.</summary>
    private static readonly TimeSpan Settling = CalendarSource.Freshness + TimeSpan.FromSeconds(1);

    private readonly DeadlineRecomputationOptions settings = options.Value;

    /// <summary>The answers of the current batch so far. A batch whose cases did not all answer is tried again for those
    /// alone, so a case that recorded its change on the first attempt (and would answer "unchanged" now) is still
    /// reported changed.</summary>
    private readonly Dictionary<string, SystemCommandOutcome> answered = new(StringComparer.Ordinal);

    /// <summary>The candidates of the current batch, read once: a recomputed case can move its last deadline before
    /// the run's due-from date and drop out of a second read.</summary>
    private IReadOnlyList<string>? batch;

    private int attempts;
    private DateTimeOffset countsFrom;
    private IGrainTimer? timer;

    private int Year => (int)this.GetPrimaryKeyLong();

    private bool Running => state.State.Report is { Status: DeadlineRecomputationStatus.Running };

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Running)
        {
            Resume();
        }

        return Task.CompletedTask;
    }

    public async Task<DeadlineRecomputationReport> Start(string startedBy, long calendarVersion)
    {
        ArgumentNullException.ThrowIfNull(startedBy);
        if (state.State.Report is { } current && current.CalendarVersion >= calendarVersion)
        {
            return current;
        }

        // Registered before the run is stored, so that no stored run is ever without it; one without a run removes itself.
        await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
        // From the calendar grain itself rather than this silo's copy, which may be a few seconds old.
        var calendar = (await GrainFactory.GetGrain<ICalendarGrain>(ICalendarGrain.Key).GetArrangements()).ToCalendar();
        var dueFrom = HolidayYearReach.EarliestDueDate(Year, calendar);
        await StoreAsync(new DeadlineRecomputationState
        {
            Report = DeadlineRecomputationReport.Started(Year, calendarVersion, startedBy, clock.GetUtcNow(), dueFrom),
        });
        ForgetBatch();
        Resume();
        LogStarted(Year, calendarVersion, dueFrom, startedBy);
        return state.State.Report!;
    }

    public Task<DeadlineRecomputationReport?> GetReport() => Task.FromResult(state.State.Report);

    public async Task<DeadlineRecomputationReport?> RunBatch()
    {
        if (!Running || clock.GetUtcNow() < countsFrom)
        {
            return state.State.Report;
        }

        var report = state.State.Report!;
        batch ??= await index.CasesDueFromAsync(report.DueFrom, state.State.Cursor, settings.BatchSize);
        var asking = batch.Where(caseId => !answered.ContainsKey(caseId)).ToList();
        var answers = await RecomputeAllAsync(asking);
        for (var i = 0; i < asking.Count; i++)
        {
            if (answers[i] is { } answer)
            {
                answered[asking[i]] = answer;
            }
        }

        var unanswered = batch.Count - answered.Count;
        if (unanswered > 0 && ++attempts < settings.Attempts)
        {
            LogRetrying(Year, unanswered, attempts);
            return report;
        }

        var counted = report.Counting([.. batch.Select(caseId => (caseId, answered.GetValueOrDefault(caseId)))]);
        var last = batch.Count < settings.BatchSize;
        await StoreAsync(new DeadlineRecomputationState
        {
            Report = last ? counted.CompletedOn(clock.GetUtcNow()) : counted,
            Cursor = batch.Count > 0 ? batch[^1] : state.State.Cursor,
        });
        ForgetBatch();
        if (last)
        {
            await FinishAsync(counted);
        }

        return state.State.Report;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Activation resumed a running run already; a reminder that outlived its run removes itself.
        if (!Running)
        {
            await ForgetReminderAsync();
        }
    }

    /// <summary>Waits for every silo's calendar copy to have the year, then lets the timer run the batches.</summary>
    private void Resume()
    {
        countsFrom = clock.GetUtcNow() + Settling;
        if (!settings.RunsByItself)
        {
            return;
        }

        if (timer is null)
        {
            timer = this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(Settling, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            timer.Change(Settling, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        TimeSpan next;
        try
        {
            await RunBatch();
            var wait = countsFrom - clock.GetUtcNow();
            next = attempts > 0 ? settings.RetryDelay : wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogBatchFailed(e, Year);
            next = settings.RetryDelay;
        }

        if (Running)
        {
            timer?.Change(next, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Asks the cases with at most <see cref="DeadlineRecomputationOptions.Parallelism"/> in flight; null for a
    /// case that did not answer. The calls start on the grain's own scheduler, where a grain call has the grain context
    /// it needs (not on the thread pool, as <c>Parallel.ForEachAsync</c> would).</summary>
    private async Task<SystemCommandOutcome?[]> RecomputeAllAsync(IReadOnlyList<string> caseIds)
    {
        using var slots = new SemaphoreSlim(settings.Parallelism);
        return await Task.WhenAll(caseIds.Select(async caseId =>
        {
            await slots.WaitAsync();
            try
            {
                return await RecomputeAsync(caseId);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    private async Task<SystemCommandOutcome?> RecomputeAsync(string caseId)
    {
        try
        {
            var outcome = await GrainFactory.GetGrain<ICaseDeadlinesGrain>(caseId).RecomputeDeadlines();
            if (outcome.Kind == SystemCommandOutcomeKind.Refused)
            {
                LogRefused(Year, caseId, outcome.Code);
            }

            return outcome;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogCaseFailed(e, Year, caseId);
            return null;
        }
    }

    /// <summary>Stores <paramref name="next"/> and only then keeps it. When the write fails, whether it was stored (and the
    /// storage's version of it) is unknown, so the activation goes and the next one (the reminder's, within a minute)
    /// starts from what was stored.</summary>
    private async Task StoreAsync(DeadlineRecomputationState next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            DeactivateOnIdle();
            throw;
        }
    }

    private void ForgetBatch()
    {
        batch = null;
        answered.Clear();
        attempts = 0;
    }

    private async Task FinishAsync(DeadlineRecomputationReport report)
    {
        timer?.Dispose();
        timer = null;
        LogCompleted(Year, report.CasesChecked, report.CasesChanged, report.CasesFailed);
        await ForgetReminderAsync();
    }

    private async Task ForgetReminderAsync()
    {
        try
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // It fires again within a minute, finds no run going, and tries again.
            LogReminderKept(e, Year);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline recomputation for {Year} started (calendar version {CalendarVersion}, cases due from {DueFrom}) by {UserId}")]
    private partial void LogStarted(int year, long calendarVersion, DateOnly dueFrom, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline recomputation for {Year} completed: {CasesChecked} cases checked, {CasesChanged} changed, {CasesFailed} failed")]
    private partial void LogCompleted(int year, long casesChecked, long casesChanged, long casesFailed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline recomputation for {Year}: {Unanswered} cases of the batch did not answer (attempt {Attempt}); trying them again")]
    private partial void LogRetrying(int year, int unanswered, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline recomputation for {Year}: case {CaseId} did not answer")]
    private partial void LogCaseFailed(Exception exception, int year, string caseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline recomputation for {Year}: case {CaseId} refused ({Code})")]
    private partial void LogRefused(int year, string caseId, string? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline recomputation for {Year}: a batch failed; it will be tried again")]
    private partial void LogBatchFailed(Exception exception, int year);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline recomputation for {Year}: its reminder could not be removed; it will try again")]
    private partial void LogReminderKept(Exception exception, int year);
}
