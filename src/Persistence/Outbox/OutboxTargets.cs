namespace CaseGrains.Persistence.Outbox;

/// <summary>The kinds of grain an outbox message can be addressed to.</summary>
public static class OutboxTargets
{
    /// <summary>An agency's record (行政执法机关): the payload is an agency command (a finding, a tracked or finished notice).</summary>
    public const string Agency = "agency";

    /// <summary>A supervision instrument: the payload is an instrument message (a pattern notice to draft, cases to cite).</summary>
    public const string Instrument = "instrument";
}
