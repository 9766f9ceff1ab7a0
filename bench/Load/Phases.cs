using System.Globalization;
using CaseGrains.Bench.Reporting;

namespace CaseGrains.Bench.Load;

/// <summary>The figures every measured phase reports the same way: rate, p50, p99, failures.</summary>
public static class Phases
{
    public static void Add(BenchReport report, string section, string key, PhaseResult phase)
    {
        report.Section(section);
        report.Add(key + "PerSecond", "per second", Math.Round(phase.PerSecond), phase.PerSecond.ToString("N0", CultureInfo.InvariantCulture));
        AddLatencies(report, key, phase.Latencies);
        report.Add(key + "Failures", "failures", phase.Failures, phase.Failures.ToString("N0", CultureInfo.InvariantCulture));
    }

    public static void AddLatencies(BenchReport report, string key, Latencies latencies)
    {
        report.Add(key + "Samples", "samples", latencies.Count, latencies.Count.ToString("N0", CultureInfo.InvariantCulture));
        foreach (var (name, q) in new[] { ("P50", 0.50), ("P99", 0.99) })
        {
            var ms = latencies.Percentile(q);
            report.Add($"{key}{name}Ms", $"latency {name.ToLowerInvariant()}", Math.Round(ms, 2), $"{ms:N2} ms");
        }
    }

    /// <summary>p50 and p99 of each action of a walk, on one line each.</summary>
    public static void AddByAction(BenchReport report, string key, IReadOnlyList<string> names, IReadOnlyList<Latencies> byAction)
    {
        for (var i = 0; i < names.Count; i++)
        {
            var (p50, p99) = (byAction[i].Percentile(0.50), byAction[i].Percentile(0.99));
            report.Add($"{key}ByAction{i}", $"  {names[i]} p50 / p99", new System.Text.Json.Nodes.JsonObject { ["action"] = names[i], ["p50Ms"] = Math.Round(p50, 2), ["p99Ms"] = Math.Round(p99, 2) },
                $"{Ms(p50)} / {Ms(p99)}");
        }
    }

    public static string Ms(double value) => value.ToString("N2", CultureInfo.InvariantCulture) + " ms";
}
