using CaseGrains.Domain.Cases;

namespace CaseGrains.Abstractions.Scheduling;

/// <summary>
/// The system side of a reconsideration case (the same grain as <see cref="Cases.IReconsiderationCaseGrain"/>, keyed by
/// the case id): the deadline machinery's commands, which no user may send. The gateway is an Orleans client too, so
/// this is kept out of its reach by never being called from it, not by the type system; the case records the system as
/// the actor of every change made here.
/// </summary>
[Alias("CaseGrains.ICaseDeadlinesGrain")]
public interface ICaseDeadlinesGrain : IGrainWithStringKey
{
    /// <summary>Records a reminder step and applies its consequence, once per deadline, step and due date.</summary>
    [Alias("FireReminder")]
    Task<SystemCommandOutcome> FireReminder(FireReminder reminder);

    /// <summary>Loads the case ahead of a reminder step due soon, so that the step does not wait for the load when it
    /// comes due with many others. Records nothing.</summary>
    [Alias("Preload")]
    Task Preload();

    /// <summary>Counts every running deadline again on the current calendar (after a holiday year was loaded).</summary>
    [Alias("RecomputeDeadlines")]
    Task<SystemCommandOutcome> RecomputeDeadlines();
}
