using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Complaints;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.PersonalData;

namespace CaseGrains.Grains.Complaints;

public static class ComplaintViews
{
    /// <summary>The complaint as <paramref name="principal"/> may see it, with the actions it allows now that they may take,
    /// and the finding it makes against the agency once substantiated.</summary>
    public static ComplaintView Of(EnforcementComplaint complaint, long version, Principal principal, DateOnly today, WorkingDayCalendar calendar)
    {
        var visibility = ComplaintAccessPolicy.VisibilityOf(principal, complaint);
        return new(
            complaint.Id,
            version,
            ComplaintRedaction.For(complaint, visibility),
            complaint.Deadlines.Select(d => new DeadlineView(
                d.Kind, d.Basis, d.Unit, d.Length, d.StartedOn, d.DueOn, d.StatusOn(today),
                d.Phase is DeadlinePhase.Running or DeadlinePhase.Paused ? d.RemainingOn(today, calendar) : null,
                d.Provisional, d.ExtendedByDays, d.CompletedOn)).ToArray(),
            ComplaintAccessPolicy.ActionsFor(principal, complaint).ToArray(),
            today,
            visibility,
            complaint.Finding(version));
    }
}
