namespace CaseGrains.Grains.Cases;

/// <summary>An idempotency key's request hash and the case version its request produced.</summary>
public sealed record AppliedRequest(string? RequestHash, long Version);
