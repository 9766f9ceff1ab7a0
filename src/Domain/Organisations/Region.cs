namespace CaseGrains.Domain.Organisations;

/// <summary>An administrative region (行政区域) at one of the four levels. <see cref="Id"/> is the region code
/// with a non-digit prefix (e.g. <c>R210102</c>), so keys never collide as integers.</summary>
public sealed record Region(string Id, string Name, RegionLevel Level, string? ParentId);
