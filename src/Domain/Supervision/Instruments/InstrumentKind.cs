namespace CaseGrains.Domain.Supervision;

/// <summary>The two instruments that tell an agency to correct itself and report back. They share one lifecycle; they
/// differ in who issues them, what they cite, how they are numbered and how long the agency has.</summary>
public enum InstrumentKind
{
    /// <summary>行政复议意见书 (Art. 76): issued by the reconsideration body from one case; 60 natural days from receipt.</summary>
    OpinionLetter,

    /// <summary>行政执法监督通知书: issued by the supervision office against the agency as a whole; a configured period.</summary>
    SupervisionNotice,
}
