using CaseGrains.Abstractions.Calendar;

namespace CaseGrains.Api.Calendar;

/// <summary>
/// A deadline recomputation as <c>GET /api/v1/calendar/years/{year}/recomputation</c> shows it: where it is, which load
/// of the year it counts on, the candidates (cases with a deadline due on or after <see cref="DueFrom"/>), how many were
/// checked, and the cases that changed, each linked to its history; the first
/// <see cref="DeadlineRecomputationReport.ListLimit"/> changed and failed cases are listed and the rest counted
/// (<see cref="ChangedCasesNotListed"/>, <see cref="FailedCasesNotListed"/>).
/// </summary>
public sealed record RecomputationView(
    int Year,
    DeadlineRecomputationStatus Status,
    long CalendarVersion,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    DateOnly DueFrom,
    long CasesChecked,
    long CasesChanged,
    IReadOnlyList<ChangedCaseView> ChangedCases,
    long ChangedCasesNotListed,
    long CasesFailed,
    IReadOnlyList<string> FailedCases,
    long FailedCasesNotListed)
{
    public static RecomputationView Of(DeadlineRecomputationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(
            report.Year,
            report.Status,
            report.CalendarVersion,
            report.StartedBy,
            report.StartedAt,
            report.CompletedAt,
            report.DueFrom,
            report.CasesChecked,
            report.CasesChanged,
            [.. report.ChangedCases.Select(c => new ChangedCaseView(c.CaseId, c.ChangedDeadlines, $"/api/v1/cases/{c.CaseId}/history"))],
            report.ChangedCasesNotListed,
            report.CasesFailed,
            report.FailedCases,
            report.FailedCasesNotListed);
    }
}
