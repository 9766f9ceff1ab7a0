namespace CaseGrains.Domain.Cases;

/// <summary>The correction notice (补正通知): everything missing, listed at once (Art. 31).</summary>
public sealed record CorrectionRequest
{
    public required IReadOnlyList<string> MissingItems { get; init; }

    public required DateOnly RequestedOn { get; init; }

    public DateOnly? SubmittedOn { get; init; }
}
