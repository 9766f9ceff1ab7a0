using System.Diagnostics.Metrics;
using CaseGrains.Persistence.Reminders;

namespace CaseGrains.Grains.Scheduling;

/// <summary>The scheduler's instruments (meter <c>CaseGrains.Scheduling</c>): how late each recorded step was against its
/// fire time, and how many deliveries ended each way.</summary>
public sealed class SchedulingMetrics
{
    public const string MeterName = "CaseGrains.Scheduling";

    private readonly Histogram<double> lateness;
    private readonly Counter<long> deliveries;
    private readonly Counter<long> preloads;

    public SchedulingMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        lateness = meter.CreateHistogram<double>(
            "casegrains.reminders.lateness",
            unit: "s",
            description: "Seconds from a reminder step's fire time to its case recording it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 3600] });
        deliveries = meter.CreateCounter<long>(
            "casegrains.reminders.deliveries",
            description: "Reminder deliveries by outcome (recorded, unchanged, retried, refused).");
        preloads = meter.CreateCounter<long>(
            "casegrains.reminders.preloads",
            description: "Subjects loaded ahead of a reminder step due soon.");
    }

    public void Recorded(ScheduleEntry entry, DateTimeOffset now)
    {
        lateness.Record(Math.Max(0, (now - entry.FireAt).TotalSeconds), new("kind", entry.Kind), new("step", entry.Step));
        deliveries.Add(1, new KeyValuePair<string, object?>("outcome", "recorded"));
    }

    public void Preloaded(int count) => preloads.Add(count);

    public void Delivered(string outcome) => deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
