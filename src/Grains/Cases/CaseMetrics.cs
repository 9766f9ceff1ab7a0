using System.Diagnostics.Metrics;

namespace CaseGrains.Grains.Cases;

/// <summary>The cases' instruments (meter <c>CaseGrains.Cases</c>): every change a case commits, by action (its rate is
/// the platform's actions per second, 每秒办理动作数).</summary>
public sealed class CaseMetrics
{
    public const string MeterName = "CaseGrains.Cases";

    private readonly Counter<long> actions;

    public CaseMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        actions = meters.Create(MeterName).CreateCounter<long>(
            "casegrains.cases.actions",
            description: "Changes committed to cases (receipts, actions, reminder steps), by action.");
    }

    /// <summary>Counts one committed change; called only after its transaction committed.</summary>
    public void Committed(string action) => actions.Add(1, new KeyValuePair<string, object?>("action", action));
}
