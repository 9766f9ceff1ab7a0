namespace CaseGrains.Bench.Load;

/// <summary>
/// An open-loop arrival schedule: request <c>i</c> is due at <c>i / rate</c> seconds after the start, whether or not
/// earlier ones have been answered. Latency is measured from that due time, not from when the request was really sent,
/// so time a request spends waiting behind slow ones counts (coordinated omission avoided).
/// </summary>
public sealed record ArrivalSchedule(double PerSecond, TimeSpan Length)
{
    public int Count => (int)(PerSecond * Length.TotalSeconds);

    public TimeSpan DueAt(int i) => TimeSpan.FromSeconds(i / PerSecond);
}
