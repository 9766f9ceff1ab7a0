namespace CaseGrains.Domain.Supervision;

/// <summary>The issuer's verdict on a rectification report: accepted, or sent back with the reason and the date to report
/// again by.</summary>
public sealed record ReportReview
{
    public required bool Accepted { get; init; }

    /// <summary>The issuer's opinion; required when sending back, where it is the reason.</summary>
    public string? Opinion { get; init; }

    public required DateOnly ReviewedOn { get; init; }

    /// <summary>The due date of the new report when sent back.</summary>
    public DateOnly? ResubmitDueOn { get; init; }
}
