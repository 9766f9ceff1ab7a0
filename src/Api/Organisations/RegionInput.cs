using CaseGrains.Domain.Organisations;

namespace CaseGrains.Api.Organisations;

/// <summary>The body of <c>PUT /api/v1/regions/{id}</c>.</summary>
public sealed record RegionInput(string Name, RegionLevel Level, string? ParentId);
