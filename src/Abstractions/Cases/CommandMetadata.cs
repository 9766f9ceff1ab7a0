using CaseGrains.Domain.Access;

namespace CaseGrains.Abstractions.Cases;

/// <summary>
/// What travels with every change besides the command itself: who asks (authenticated by the gateway; the
/// grain checks the access policy and records them in the history), and <see cref="IdempotencyKey"/> and
/// <see cref="RequestHash"/> that make a retried request a no-op; <see cref="ExpectedVersion"/> (from If-Match)
/// refuses a write based on a stale read.
/// </summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.CommandMetadata")]
public sealed record CommandMetadata(
    [property: Id(0)] Principal Principal,
    [property: Id(1)] string? IdempotencyKey = null,
    [property: Id(2)] string? RequestHash = null,
    [property: Id(3)] long? ExpectedVersion = null);
