using System.Text.Json.Serialization;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Domain.Complaints;

/// <summary>A reminder step fired on the answer period; the overdue step marks the answer overdue (<see cref="AnswerOverdue"/>).</summary>
public sealed record ComplaintReminderFired : ComplaintEvent
{
    public required DeadlineKind Kind { get; init; }

    public required int DeadlineId { get; init; }

    public required ReminderStep Step { get; init; }

    public required DateOnly DueOn { get; init; }

    public required DateOnly FiredOn { get; init; }

    public required IReadOnlyList<NotificationAudience> Audiences { get; init; }

    public bool AnswerOverdue { get; init; }

    [JsonIgnore]
    public override ComplaintActionName Action => ComplaintActionName.FireComplaintReminder;
}
