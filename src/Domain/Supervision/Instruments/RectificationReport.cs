namespace CaseGrains.Domain.Supervision;

/// <summary>One report of the agency on its rectification (整改情况报告) and, once reviewed, the issuer's verdict.</summary>
public sealed record RectificationReport
{
    public required string Text { get; init; }

    public required IReadOnlyList<Attachment> Attachments { get; init; }

    public required DateOnly ReportedOn { get; init; }

    /// <summary>Whether it came after the period (or the compliance date) it answered had run out.</summary>
    public required bool Late { get; init; }

    /// <summary>Null until reviewed.</summary>
    public ReportReview? Review { get; init; }
}
