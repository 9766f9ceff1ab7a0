namespace CaseGrains.Bench.Load;

/// <summary>
/// Latencies of one measured phase, in milliseconds, and their percentiles by nearest rank (p99 of 1,000 samples is the
/// 990th smallest): no interpolation, so a reported figure is always a latency that was really observed.
/// </summary>
public sealed class Latencies
{
    private readonly List<double> milliseconds = [];
    private double[]? sorted;

    public int Count => milliseconds.Count;

    public void Add(double value)
    {
        lock (milliseconds)
        {
            milliseconds.Add(value);
            sorted = null;
        }
    }

    public void AddRange(IEnumerable<double> values)
    {
        lock (milliseconds)
        {
            milliseconds.AddRange(values);
            sorted = null;
        }
    }

    /// <summary>The latency at quantile <paramref name="q"/> (0 &lt; q ≤ 1), or 0 when nothing was measured.</summary>
    public double Percentile(double q)
    {
        lock (milliseconds)
        {
            if (milliseconds.Count == 0)
            {
                return 0;
            }

            sorted ??= [.. milliseconds.Order()];
            var rank = (int)Math.Ceiling(q * sorted.Length);
            return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
        }
    }
}
