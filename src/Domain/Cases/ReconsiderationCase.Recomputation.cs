using CaseGrains.Domain.Calendar;

namespace CaseGrains.Domain.Cases;

public sealed partial record ReconsiderationCase
{
    /// <summary>
    /// Counts every running deadline again on <paramref name="calendar"/>, as after a holiday year was loaded: a
    /// provisional date computed on weekends alone moves when the year's arrangement is known. Paused deadlines are
    /// counted when they resume; completed and cancelled ones stay as they ended. The changes list every deadline
    /// whose due date or provisional flag moved; the case itself is returned when none did.
    /// </summary>
    public DeadlineRecomputation RecomputeDeadlines(WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var recomputed = Deadlines.Select(d => d.Recompute(calendar)).ToArray();
        var changes = Deadlines
            .Select((before, id) => (before, after: recomputed[id], id))
            .Where(d => d.before.DueOn != d.after.DueOn || d.before.Provisional != d.after.Provisional)
            .Select(d => new DeadlineChange
            {
                DeadlineId = d.id,
                Kind = d.before.Kind,
                PreviousDueOn = d.before.DueOn,
                DueOn = d.after.DueOn,
                WasProvisional = d.before.Provisional,
                Provisional = d.after.Provisional,
            })
            .ToArray();
        return new(changes.Length == 0 ? this : this with { Deadlines = recomputed }, changes);
    }

    private CaseTransition Execute(RecomputeDeadlines command, CaseContext context)
    {
        var recomputation = RecomputeDeadlines(context.Calendar);
        return recomputation.HasChanges
            ? Succeed(recomputation.Case, new DeadlinesRecomputed { RecomputedOn = context.Today, Changes = recomputation.Changes })
            : Unchanged(
                "deadlines_unchanged",
                "期限无变化",
                "Counted on the current calendar, every running deadline keeps its due date and provisional flag.");
    }
}
