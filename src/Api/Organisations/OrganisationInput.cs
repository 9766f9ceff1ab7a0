using CaseGrains.Domain.Organisations;

namespace CaseGrains.Api.Organisations;

/// <summary>The body of <c>PUT /api/v1/organisations/{id}</c>.</summary>
public sealed record OrganisationInput(string Name, OrganisationKind Kind, string RegionId, IntakePointKind? IntakeKind = null, string? BodyId = null);
