using CaseGrains.Abstractions.Cases;

namespace CaseGrains.Abstractions.Supervision;

/// <summary>The answer of an instrument grain: the instrument after the request, or why nothing changed;
/// <see cref="Replayed"/> when the request repeated one already applied (same Idempotency-Key and body).</summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.InstrumentResult")]
public sealed record InstrumentResult(
    [property: Id(0)] InstrumentView? Instrument,
    [property: Id(1)] CaseFailure? Failure,
    [property: Id(2)] bool Replayed = false)
{
    public static InstrumentResult Success(InstrumentView view, bool replayed = false) => new(view, null, replayed);

    public static InstrumentResult Failed(CaseFailure failure) => new(null, failure);
}
