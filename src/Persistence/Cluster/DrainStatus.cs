namespace CaseGrains.Persistence.Cluster;

/// <summary>What came of a drain request.</summary>
public enum DrainStatus
{
    /// <summary>Recorded; the silo has not answered yet (or the gateway stopped before it did).</summary>
    Requested,

    /// <summary>The silo accepted and is shutting down.</summary>
    Draining,

    /// <summary>The silo's control grain could not be reached on it; nothing was stopped.</summary>
    Unreachable,

    /// <summary>Not carried out: <see cref="DrainRecord.Refusal"/> names the rule (e.g. the last active silo).</summary>
    Refused,

    /// <summary>The silo shut down after the request (it recorded this itself as it stopped).</summary>
    Left,

    /// <summary>The cluster declared the silo dead before it recorded leaving: it was killed or lost while draining, or
    /// before it answered. Recorded by the silos still running.</summary>
    Died,
}
