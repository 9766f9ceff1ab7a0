namespace CaseGrains.Grains.Cluster;

/// <summary>How silos record the end of drains (configuration section <c>Drains</c>).</summary>
public sealed class DrainOptions
{
    public const string Section = "Drains";

    /// <summary>How long after the cluster declares a silo dead the others wait before recording its open drain requests
    /// as <c>Died</c>: a silo that drains cleanly records <c>Left</c> itself as it stops, about when it is declared dead,
    /// and must not be reported as having died.</summary>
    public TimeSpan DeadSiloGrace { get; set; } = TimeSpan.FromSeconds(30);
}
