namespace CaseGrains.Abstractions.Cases;

/// <summary>A refused request: a stable English <see cref="Code"/>, a Chinese <see cref="Title"/> for users and an
/// English <see cref="Detail"/>, with the context a client needs to recover.</summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.CaseFailure")]
public sealed record CaseFailure(
    [property: Id(0)] CaseFailureKind Kind,
    [property: Id(1)] string Code,
    [property: Id(2)] string Title,
    [property: Id(3)] string Detail)
{
    [Id(4)] public string? Field { get; init; }

    [Id(5)] public string? CurrentStatus { get; init; }

    [Id(6)] public IReadOnlyList<string>? AllowedActions { get; init; }

    [Id(7)] public long? CurrentVersion { get; init; }

    [Id(8)] public string? LegalBasis { get; init; }
}
