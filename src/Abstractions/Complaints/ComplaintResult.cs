using CaseGrains.Abstractions.Cases;

namespace CaseGrains.Abstractions.Complaints;

/// <summary>The answer of a complaint grain: the complaint after the request, or why nothing changed (the same failure
/// shape as a case's, so the gateway maps both alike). <see cref="Replayed"/>: a retry of a request already applied.</summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.ComplaintResult")]
public sealed record ComplaintResult(
    [property: Id(0)] ComplaintView? Complaint,
    [property: Id(1)] CaseFailure? Failure,
    [property: Id(2)] bool Replayed = false)
{
    public static ComplaintResult Success(ComplaintView view, bool replayed = false) => new(view, null, replayed);

    public static ComplaintResult Failed(CaseFailure failure) => new(null, failure);
}
