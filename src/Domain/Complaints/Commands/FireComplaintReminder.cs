using System.Text.Json.Serialization;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Domain.Complaints;

/// <summary>System action: a reminder step of the answer period (<see cref="ComplaintReminders.ToCommand"/>), delivered at least
/// once and recorded once (<see cref="Workflow.ReminderDelivery"/>). The overdue step marks the answer overdue.</summary>
public sealed record FireComplaintReminder : ComplaintCommand
{
    public required DeadlineKind Kind { get; init; }

    public required int DeadlineId { get; init; }

    public required ReminderStep Step { get; init; }

    public required DateOnly DueOn { get; init; }

    [JsonIgnore]
    public override ComplaintActionName Action => ComplaintActionName.FireComplaintReminder;
}
