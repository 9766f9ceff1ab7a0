using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseGrains.Bench.Reporting;

/// <summary>
/// The figures of a run: printed as a table for people, grouped in sections, each figure with its target and PASS or
/// FAIL where it has one, then as one line of JSON for machines (<c>{"scenario", "pass", "figures", "targets"}</c>).
/// </summary>
public sealed class BenchReport(string scenario, string title)
{
    private readonly List<(string? Section, string Label, string Shown, Target? Target)> rows = [];
    private readonly JsonObject figures = [];
    private readonly JsonObject targets = [];
    private string? section;

    /// <summary>True when every target was met.</summary>
    public bool Passed => rows.All(r => r.Target is not { Pass: false });

    public void Section(string name) => section = name;

    /// <summary>A figure: <paramref name="key"/> and <paramref name="value"/> in the JSON, <paramref name="label"/> and
    /// <paramref name="shown"/> in the table.</summary>
    public void Add(string key, string label, JsonNode? value, string shown, Target? target = null)
    {
        rows.Add((section, label, shown, target));
        figures[key] = value;
        if (target is not null)
        {
            targets[key] = new JsonObject { ["target"] = target.Shown, ["pass"] = target.Pass };
        }
    }

    public void WriteTo(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(title);
        foreach (var group in rows.GroupBy(r => r.Section))
        {
            var labelWidth = group.Max(r => r.Label.Length) + 2;
            var shownWidth = group.Max(r => r.Shown.Length) + 2;
            output.WriteLine();
            if (group.Key is not null)
            {
                output.WriteLine($"  {group.Key}");
            }

            foreach (var (_, label, shown, target) in group)
            {
                var verdict = target is null ? "" : $"{(target.Pass ? "PASS" : "FAIL")}  (target {target.Shown})";
                output.WriteLine($"    {label.PadRight(labelWidth)}{shown.PadLeft(shownWidth)}  {verdict}".TrimEnd());
            }
        }

        output.WriteLine();
        output.WriteLine(Passed ? "RESULT: PASS (every target met)" : $"RESULT: FAIL ({rows.Count(r => r.Target is { Pass: false })} target(s) missed)");
        output.WriteLine(new JsonObject
        {
            ["scenario"] = scenario,
            ["pass"] = Passed,
            ["figures"] = figures,
            ["targets"] = targets,
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }
}

/// <summary>What a figure should be (<see cref="Shown"/>, e.g. "≤ 60 s") and whether it is.</summary>
public sealed record Target(string Shown, bool Pass);
