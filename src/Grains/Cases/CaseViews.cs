using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;

namespace CaseGrains.Grains.Cases;

public static class CaseViews
{
    public static CaseView Of(ReconsiderationCase state, long version, DateOnly today, WorkingDayCalendar calendar) => new(
        state.Id,
        version,
        state,
        state.Deadlines.Select(d => new DeadlineView(
            d.Kind, d.Basis, d.Unit, d.Length, d.StartedOn, d.DueOn, d.StatusOn(today),
            d.Phase is DeadlinePhase.Running or DeadlinePhase.Paused ? d.RemainingOn(today, calendar) : null,
            d.Provisional, d.ExtendedByDays, d.CompletedOn)).ToArray(),
        state.AllowedActions().ToArray(),
        today);
}
