using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Abstractions.Cases;

/// <summary>
/// A case as the API shows it to one user: its state redacted for their <see cref="Visibility"/>, its version
/// (the ETag), every deadline it has run with its status today, and the actions that user may take now.
/// </summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.CaseView")]
public sealed record CaseView(
    [property: Id(0)] string Id,
    [property: Id(1)] long Version,
    [property: Id(2)] ReconsiderationCase Case,
    [property: Id(3)] IReadOnlyList<DeadlineView> Deadlines,
    [property: Id(4)] IReadOnlyList<CaseActionName> AllowedActions,
    [property: Id(5)] DateOnly Today,
    [property: Id(6)] CaseVisibility Visibility);
