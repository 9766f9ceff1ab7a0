using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Time;
using CaseGrains.Persistence.Reminders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseGrains.Grains.Scheduling;

/// <summary>
/// One partition of the deadline index (<see cref="ReminderPartitions"/>). It reads the entries that have come due, oldest
/// first, delivers each to its case (<see cref="ICaseDeadlinesGrain.FireReminder"/>), and sleeps until the next fire
/// time, at most <see cref="DeadlineSchedulingOptions.PollInterval"/>. Delivery is at least once and the case makes it
/// idempotent. An entry the case recorded is gone already, because the case's commit replaced its schedule; one it
/// answered unchanged or refused is removed here; one it could not take yet stays and is tried again after
/// <see cref="DeadlineSchedulingOptions.RetryDelay"/>. With nothing due, it loads the subjects of the steps coming due
/// soon (<see cref="DeadlineSchedulingOptions.PreloadAhead"/>), so that a burst of steps only commits. Nothing lives
/// only in memory: a partition that dies with its silo is started again elsewhere by the Orleans reminder it registers
/// or by a silo's keeper, and finds everything that came due meanwhile still in the index. Partitions are placed by a
/// hash of their key, so they spread evenly over the silos whichever silo's keeper activated them.
/// </summary>
[Orleans.Placement.HashBasedPlacement]
public sealed class DeadlineSchedulerGrain(
    IReminderIndex index,
    IOptions<DeadlineSchedulingOptions> options,
    SchedulingMetrics metrics,
    PlatformClock clock,
    GrainReferences grains,
    ILogger<DeadlineSchedulerGrain> logger) : Grain, IDeadlineSchedulerGrain, IRemindable
{
    private const string ReminderName = "deadline-scheduler";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly DeadlineSchedulingOptions settings = options.Value;
    private IGrainTimer? timer;

    /// <summary>Where the timer's passes through a burst have got to; reset when the partition sleeps, so that entries the
    /// cases could not take are read again after the pause.</summary>
    private readonly Burst burst = new();

    /// <summary>How far preloading has got: the last entry whose subject it loaded, and how many it holds ahead.</summary>
    private readonly Preloading preloaded = new();

    private int Partition => (int)this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ReminderPartitions.Require(Partition);
        if (settings.Enabled)
        {
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
            timer = this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
    }

    public Task Wake() => Task.CompletedTask;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // A missed timer (it cannot be lost while the activation lives, but a bug could leave it unarmed) costs at most a
        // reminder period.
        timer?.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public async Task<SchedulerTick> Tick()
    {
        var through = new Burst();
        var (fired, unchanged) = (0, 0);
        Pass pass;
        do
        {
            pass = await RunPassAsync(through);
            (fired, unchanged) = (fired + pass.Fired, unchanged + pass.Unchanged);
        }
        while (pass.More);

        return new SchedulerTick(fired, unchanged, through.Deferred, await index.NextFireAtAsync(Partition));
    }

    /// <summary>
    /// Delivers the next batch of what is due after where <paramref name="through"/> has got to, and counts the entries
    /// the cases could not take (they stay in the index). One batch a turn keeps the grain responsive during a burst: its
    /// Orleans reminder and the keeper get their turn between batches instead of waiting minutes behind the whole burst.
    /// </summary>
    private async Task<Pass> RunPassAsync(Burst through)
    {
        var batch = await index.DueAsync(Partition, clock.GetUtcNow(), settings.BatchSize, through.After);
        var (fired, unchanged) = (0, 0);
        var outcomes = await ForEachAsync(batch, DeliverAsync);
        for (var i = 0; i < batch.Count; i++)
        {
            switch (outcomes[i])
            {
                case SystemCommandOutcomeKind.Recorded:
                    fired++;
                    metrics.Recorded(batch[i], clock.GetUtcNow());
                    break;
                case SystemCommandOutcomeKind.Unchanged:
                    unchanged++;
                    metrics.Delivered("unchanged");
                    await index.RemoveAsync(batch[i]);
                    break;
                case SystemCommandOutcomeKind.Refused:
                    unchanged++;
                    metrics.Delivered("refused");
                    logger.LogWarning("Case {CaseId} refused the {Step} step of deadline {DeadlineId}; it is dropped", batch[i].CaseId, batch[i].Step, batch[i].DeadlineId);
                    await index.RemoveAsync(batch[i]);
                    break;
                default:
                    metrics.Delivered("retried");
                    through.Deferred++;
                    break;
            }
        }

        if (batch.Count > 0)
        {
            through.After = batch[^1];
        }

        return new Pass(fired, unchanged, More: batch.Count == settings.BatchSize);
    }

    /// <summary>Calls <paramref name="call"/> for every entry with at most <see cref="DeadlineSchedulingOptions.Parallelism"/>
    /// in flight. The calls start on the grain's own scheduler (not the thread pool, where a grain call has no grain
    /// context to come from).</summary>
    private async Task<T[]> ForEachAsync<T>(IReadOnlyList<ScheduleEntry> batch, Func<ScheduleEntry, Task<T>> call)
    {
        using var slots = new SemaphoreSlim(settings.Parallelism);
        return await Task.WhenAll(batch.Select(async entry =>
        {
            await slots.WaitAsync();
            try
            {
                return await call(entry);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    /// <summary>
    /// How long to sleep until <paramref name="next"/>, after loading the subjects of one batch of the steps due within
    /// <see cref="DeadlineSchedulingOptions.PreloadAhead"/> if any are left to load; then the partition comes back at once,
    /// for the next batch or to fire what has come due meanwhile, so preloading never holds up a step. Entries are loaded
    /// in fire order from where the last batch ended, so none is loaded twice, and at most
    /// <see cref="DeadlineSchedulingOptions.PreloadLimit"/> are held ahead of their steps at a time.
    /// </summary>
    private async Task<TimeSpan> PreloadAheadOfAsync(DateTimeOffset next)
    {
        var now = clock.GetUtcNow();
        if (preloaded.After is { } last && last.FireAt <= now)
        {
            preloaded.Ahead = 0;
        }

        var room = Math.Min(settings.BatchSize, settings.PreloadLimit - preloaded.Ahead);
        if (settings.PreloadAhead <= TimeSpan.Zero || next - now > settings.PreloadAhead || room <= 0)
        {
            return next - now;
        }

        var batch = await index.DueAsync(Partition, now + settings.PreloadAhead, room, preloaded.After);
        var loaded = await ForEachAsync(batch, PreloadAsync);
        metrics.Preloaded(loaded.Count(ok => ok));
        if (batch.Count > 0)
        {
            (preloaded.After, preloaded.Ahead) = (batch[^1], preloaded.Ahead + batch.Count);
        }

        return batch.Count == room ? TimeSpan.Zero : next - clock.GetUtcNow();
    }

    private async Task<bool> PreloadAsync(ScheduleEntry entry)
    {
        if (DeadlineSubjects.Preload(grains, entry.CaseId) is not { } preload)
        {
            return false;
        }

        try
        {
            await preload;
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only a head start is lost: the step loads its subject when it comes due, and reports a failure then.
            logger.LogDebug(e, "Preloading case {CaseId} failed", entry.CaseId);
            return false;
        }
    }

    private async Task<SystemCommandOutcomeKind?> DeliverAsync(ScheduleEntry entry)
    {
        if (!Enum.TryParse<DeadlineKind>(entry.Kind, ignoreCase: true, out var kind) || !Enum.TryParse<ReminderStep>(entry.Step, ignoreCase: true, out var step))
        {
            logger.LogError("Case {CaseId} has an unreadable schedule entry ({Kind}, {Step}); it is dropped", entry.CaseId, entry.Kind, entry.Step);
            return SystemCommandOutcomeKind.Refused;
        }

        if (DeadlineSubjects.Deliver(grains, entry.CaseId, kind, entry.DeadlineId, step, entry.DueOn) is not { } delivery)
        {
            logger.LogError("Schedule entry of unknown subject {SubjectId} ({Kind}, {Step}); it is dropped", entry.CaseId, entry.Kind, entry.Step);
            return SystemCommandOutcomeKind.Refused;
        }

        try
        {
            return (await delivery).Kind;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Delivering the {Step} step of deadline {DeadlineId} to case {CaseId} failed; it will be tried again", entry.Step, entry.DeadlineId, entry.CaseId);
            return null;
        }
    }

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        TimeSpan sleep;
        try
        {
            var pass = await RunPassAsync(burst);
            if (pass.More)
            {
                sleep = TimeSpan.Zero;
            }
            else
            {
                // What was left is in the past, so the next fire time would wake the partition at once.
                sleep = burst.Deferred > 0 ? settings.RetryDelay
                    : await index.NextFireAtAsync(Partition) is { } next ? await PreloadAheadOfAsync(next)
                    : settings.PollInterval;
                (burst.After, burst.Deferred) = (null, 0);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Deadline scheduler partition {Partition} could not read its index; it will try again", Partition);
            sleep = settings.RetryDelay;
        }

        timer?.Change(Clamp(Min(sleep, settings.PollInterval)), Timeout.InfiniteTimeSpan);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Clamp(TimeSpan sleep) => sleep < TimeSpan.Zero ? TimeSpan.Zero : sleep;

    private readonly record struct Pass(int Fired, int Unchanged, bool More);

    private sealed class Preloading
    {
        public ScheduleEntry? After { get; set; }

        public int Ahead { get; set; }
    }

    /// <summary>A run of passes through what is due: the last entry read, and how many the cases could not take.</summary>
    private sealed class Burst
    {
        public ScheduleEntry? After { get; set; }

        public int Deferred { get; set; }
    }
}
