using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.PersonalData;

namespace CaseGrains.Grains.Cases;

public static class CaseViews
{
    /// <summary>The case as <paramref name="principal"/> may see it: redacted for their visibility, with the actions
    /// that the case allows now and their role may perform.</summary>
    public static CaseView Of(ReconsiderationCase state, long version, Principal principal, DateOnly today, WorkingDayCalendar calendar)
    {
        var visibility = CaseAccessPolicy.VisibilityOf(principal, state);
        return new(
        state.Id,
        version,
        CaseRedaction.For(state, visibility),
        state.Deadlines.Select(d => new DeadlineView(
            d.Kind, d.Basis, d.Unit, d.Length, d.StartedOn, d.DueOn, d.StatusOn(today),
            d.Phase is DeadlinePhase.Running or DeadlinePhase.Paused ? d.RemainingOn(today, calendar) : null,
            d.Provisional, d.ExtendedByDays, d.CompletedOn)).ToArray(),
        CaseAccessPolicy.ActionsFor(principal, state).ToArray(),
        today,
        visibility);
    }
}
