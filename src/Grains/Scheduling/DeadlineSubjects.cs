using CaseGrains.Abstractions.Complaints;
using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Abstractions.Supervision;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Supervision;

namespace CaseGrains.Grains.Scheduling;

/// <summary>
/// Whose deadline an entry of the index is, told by its subject id's prefix (the index's <c>case_id</c> column holds any
/// subject's id), and how a reminder step reaches that subject's grain.
/// </summary>
public static class DeadlineSubjects
{
    /// <summary>Reconsideration cases (行政复议案件).</summary>
    public const string CasePrefix = "RC-";

    /// <summary>Supervision instruments (行政复议意见书, 行政执法监督通知书).</summary>
    public const string InstrumentPrefix = "SI-";

    /// <summary>Enforcement complaints (投诉举报): their answer period.</summary>
    public const string ComplaintPrefix = "CP-";

    /// <summary>Delivers one step to the grain of <paramref name="subjectId"/>; null when no kind of subject has that id.</summary>
    public static Task<SystemCommandOutcome>? Deliver(GrainReferences grains, string subjectId, DeadlineKind kind, int deadlineId, ReminderStep step, DateOnly dueOn)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(subjectId);
        if (subjectId.StartsWith(CasePrefix, StringComparison.Ordinal))
        {
            return grains.Get<ICaseDeadlinesGrain>(subjectId).FireReminder(new FireReminder { Kind = kind, DeadlineId = deadlineId, Step = step, DueOn = dueOn });
        }

        if (subjectId.StartsWith(InstrumentPrefix, StringComparison.Ordinal))
        {
            return grains.Get<IInstrumentSystemGrain>(subjectId).FireReminder(new FireInstrumentReminder { Kind = kind, DeadlineId = deadlineId, Step = step, DueOn = dueOn });
        }

        return subjectId.StartsWith(ComplaintPrefix, StringComparison.Ordinal)
            ? grains.Get<IComplaintDeadlinesGrain>(subjectId).FireReminder(new FireComplaintReminder { Kind = kind, DeadlineId = deadlineId, Step = step, DueOn = dueOn })
            : null;
    }

    /// <summary>Loads the grain of <paramref name="subjectId"/> ahead of a step due soon; null for the subjects that are
    /// never many at once (supervision instruments) and for an id of no kind.</summary>
    public static Task? Preload(GrainReferences grains, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(subjectId);
        return subjectId.StartsWith(CasePrefix, StringComparison.Ordinal) ? grains.Get<ICaseDeadlinesGrain>(subjectId).Preload()
            : subjectId.StartsWith(ComplaintPrefix, StringComparison.Ordinal) ? grains.Get<IComplaintDeadlinesGrain>(subjectId).Preload()
            : null;
    }
}
