using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Supervision;

namespace CaseGrains.Abstractions.Complaints;

/// <summary>
/// A complaint as the API shows it to one user: redacted for their <see cref="Visibility"/>, its version (the ETag), its
/// answer period with its status today, the actions that user may take now, and, once it is found substantiated, the
/// finding it makes against the agency (<see cref="EnforcementComplaint.Finding"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.ComplaintView")]
public sealed record ComplaintView(
    [property: Id(0)] string Id,
    [property: Id(1)] long Version,
    [property: Id(2)] EnforcementComplaint Complaint,
    [property: Id(3)] IReadOnlyList<DeadlineView> Deadlines,
    [property: Id(4)] IReadOnlyList<ComplaintActionName> AllowedActions,
    [property: Id(5)] DateOnly Today,
    [property: Id(6)] CaseVisibility Visibility,
    [property: Id(7)] AgencyFinding? Finding);
