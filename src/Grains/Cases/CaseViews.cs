using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Grains.Cases;

public static class CaseViews
{
    public static CaseView Of(ReconsiderationCase state, long version, DateOnly today, WorkingDayCalendar calendar) => new(
        state.Id,
        version,
        state,
        state.Deadlines.Select(d => new DeadlineView(
            d.Kind, d.Basis, d.Unit, d.Length, d.StartedOn, d.DueOn, d.StatusOn(today), d.RemainingOn(today, calendar),
            d.Provisional, d.ExtendedByDays, d.CompletedOn)).ToArray(),
        state.AllowedActions().ToArray(),
        today);
}
