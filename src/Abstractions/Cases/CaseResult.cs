namespace CaseGrains.Abstractions.Cases;

/// <summary>The answer of a case grain: the case after the request, or why nothing changed.
/// <see cref="Replayed"/> is true when the request was a retry of one already applied.</summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.CaseResult")]
public sealed record CaseResult(
    [property: Id(0)] CaseView? Case,
    [property: Id(1)] CaseFailure? Failure,
    [property: Id(2)] bool Replayed = false)
{
    public static CaseResult Success(CaseView view, bool replayed = false) => new(view, null, replayed);

    public static CaseResult Failed(CaseFailure failure) => new(null, failure);
}
