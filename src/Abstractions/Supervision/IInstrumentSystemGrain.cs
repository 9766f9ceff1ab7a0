using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Domain.Supervision;

namespace CaseGrains.Abstractions.Supervision;

/// <summary>
/// The system side of an instrument (the same grain as <see cref="ISupervisionInstrumentGrain"/>): the agency's record
/// drafts pattern notices and has them cite further cases, the deadline scheduler fires reminder steps. Never called from
/// the gateway; the history names the system as the actor.
/// </summary>
[Alias("CaseGrains.IInstrumentSystemGrain")]
public interface IInstrumentSystemGrain : IGrainWithStringKey
{
    /// <summary>Drafts the pattern's notice, or cites the pattern's further cases; a repeat changes nothing.</summary>
    [Alias("DeliverPattern")]
    Task<SystemCommandOutcome> DeliverPattern(PatternDelivery delivery);

    [Alias("FireReminder")]
    Task<SystemCommandOutcome> FireReminder(FireInstrumentReminder reminder);
}
