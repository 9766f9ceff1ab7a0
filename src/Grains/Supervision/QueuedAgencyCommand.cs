using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Domain.Supervision;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// A message to an agency's record waiting for the commit that carries it, and its caller's answer. The outcome is decided
/// when the message is applied, but given only once the commit holding it is durable (and its owed messages delivered),
/// so that no caller hears "recorded" of a change that could still be lost.
/// </summary>
internal sealed class QueuedAgencyCommand(AgencyCommand command)
{
    private readonly TaskCompletionSource<SystemCommandOutcome> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AgencyCommand Command => command;

    public Task<SystemCommandOutcome> Answered => answer.Task;

    /// <summary>What applying the message decided; null until it was applied, and when applying it threw (the caller has
    /// failed already).</summary>
    public SystemCommandOutcome? Outcome { get; set; }

    /// <summary>Gives the caller <see cref="Outcome"/>, once the commit that carries it is durable.</summary>
    public void Answer()
    {
        if (Outcome is { } outcome)
        {
            answer.TrySetResult(outcome);
        }
    }

    public void Failed(Exception error) => answer.TrySetException(error);
}
