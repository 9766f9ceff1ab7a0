namespace CaseGrains.Domain.Organisations;

/// <summary>
/// A body, agency, intake point or supervision office, each in one region. <see cref="BodyId"/> is the
/// reconsideration body an intake point receives for; <see cref="IntakeKind"/> is set for intake points only.
/// </summary>
public sealed record Organisation(
    string Id,
    string Name,
    OrganisationKind Kind,
    string RegionId,
    IntakePointKind? IntakeKind = null,
    string? BodyId = null);
