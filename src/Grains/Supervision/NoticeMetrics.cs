using System.Diagnostics.Metrics;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// The supervision instruments (meter <c>CaseGrains.Supervision</c>): supervision notices (行政执法监督通知书) and opinion
/// letters (行政复议意见书) raised, by kind and by the region of the agency they concern. The grains that raise them
/// take this from dependency injection and call <see cref="Raised"/> once the notice is committed.
/// </summary>
public sealed class NoticeMetrics
{
    public const string MeterName = "CaseGrains.Supervision";

    private readonly Counter<long> raised;

    public NoticeMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        raised = meters.Create(MeterName).CreateCounter<long>(
            "casegrains.notices.raised",
            description: "Supervision notices and opinion letters raised, by kind and region.");
    }

    public void Raised(string kind, string regionId) =>
        raised.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("region", regionId));
}
