using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
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
/// <see cref="DeadlineSchedulingOptions.RetryDelay"/>. Nothing lives only in memory: a partition that dies with its silo is
/// started again elsewhere by the Orleans reminder it registers or by a silo's keeper, and finds everything that came
/// due meanwhile still in the index.
/// </summary>
public sealed class DeadlineSchedulerGrain(
    IReminderIndex index,
    IOptions<DeadlineSchedulingOptions> options,
    SchedulingMetrics metrics,
    TimeProvider clock,
    ILogger<DeadlineSchedulerGrain> logger) : Grain, IDeadlineSchedulerGrain, IRemindable
{
    private const string ReminderName = "deadline-scheduler";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly DeadlineSchedulingOptions settings = options.Value;
    private IGrainTimer? timer;

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
        var (fired, unchanged, retried) = (0, 0, 0);
        var leftForLater = new HashSet<(string, int, string)>();
        while (true)
        {
            var limit = settings.BatchSize + leftForLater.Count;
            var due = await index.DueAsync(Partition, clock.GetUtcNow(), limit);
            var batch = due.Where(e => !leftForLater.Contains((e.CaseId, e.DeadlineId, e.Step))).ToList();
            if (batch.Count == 0)
            {
                break;
            }

            var outcomes = await DeliverAllAsync(batch);
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
                        retried++;
                        metrics.Delivered("retried");
                        leftForLater.Add((batch[i].CaseId, batch[i].DeadlineId, batch[i].Step));
                        break;
                }
            }

            if (due.Count < limit)
            {
                break;
            }
        }

        var next = await index.NextFireAtAsync(Partition);
        return new SchedulerTick(fired, unchanged, retried, next);
    }

    /// <summary>Delivers with at most <see cref="DeadlineSchedulingOptions.Parallelism"/> in flight. The calls start on
    /// the grain's own scheduler (not the thread pool, where a grain call has no grain context to come from).</summary>
    private async Task<SystemCommandOutcomeKind?[]> DeliverAllAsync(IReadOnlyList<ScheduleEntry> batch)
    {
        using var slots = new SemaphoreSlim(settings.Parallelism);
        return await Task.WhenAll(batch.Select(async entry =>
        {
            await slots.WaitAsync();
            try
            {
                return await DeliverAsync(entry);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    private async Task<SystemCommandOutcomeKind?> DeliverAsync(ScheduleEntry entry)
    {
        if (!Enum.TryParse<DeadlineKind>(entry.Kind, ignoreCase: true, out var kind) || !Enum.TryParse<ReminderStep>(entry.Step, ignoreCase: true, out var step))
        {
            logger.LogError("Case {CaseId} has an unreadable schedule entry ({Kind}, {Step}); it is dropped", entry.CaseId, entry.Kind, entry.Step);
            return SystemCommandOutcomeKind.Refused;
        }

        try
        {
            var outcome = await GrainFactory.GetGrain<ICaseDeadlinesGrain>(entry.CaseId).FireReminder(
                new FireReminder { Kind = kind, DeadlineId = entry.DeadlineId, Step = step, DueOn = entry.DueOn });
            return outcome.Kind;
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
            var tick = await Tick();
            // Entries left for later are in the past, so the next fire time would wake the partition at once.
            sleep = tick.Retried > 0 ? settings.RetryDelay
                : tick.NextFireAt is { } next ? next - clock.GetUtcNow()
                : settings.PollInterval;
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
}
