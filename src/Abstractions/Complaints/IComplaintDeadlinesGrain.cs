using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Domain.Complaints;

namespace CaseGrains.Abstractions.Complaints;

/// <summary>
/// The system side of a complaint (the same grain as <see cref="IEnforcementComplaintGrain"/>), as
/// <see cref="ICaseDeadlinesGrain"/> is a case's: the deadline scheduler delivers the answer period's reminder steps here.
/// No user may send them; the complaint records the system as their actor.
/// </summary>
[Alias("CaseGrains.IComplaintDeadlinesGrain")]
public interface IComplaintDeadlinesGrain : IGrainWithStringKey
{
    /// <summary>Records a reminder step of the answer period, once per deadline, step and due date.</summary>
    [Alias("FireReminder")]
    Task<SystemCommandOutcome> FireReminder(FireComplaintReminder reminder);

    /// <summary>Loads the complaint ahead of a reminder step due soon (see <see cref="ICaseDeadlinesGrain.Preload"/>).</summary>
    [Alias("Preload")]
    Task Preload();
}
