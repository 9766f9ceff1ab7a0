using System.Diagnostics.CodeAnalysis;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Workflow;

/// <summary>
/// The answer of a supervision aggregate to a command, with the three outcomes of <see cref="CaseTransition"/>:
/// <list type="bullet">
/// <item><see cref="IsSuccess"/>: the state after the change and the one event that records it;</item>
/// <item><see cref="IsUnchanged"/>: a system command had nothing to do (a finding or reminder delivered again);
/// <see cref="State"/> is the state as it was and <see cref="Refusal"/> (of kind <see cref="CaseRefusalKind.Unchanged"/>)
/// says why; nothing is written;</item>
/// <item>otherwise refused: <see cref="Refusal"/> says why.</item>
/// </list>
/// </summary>
public sealed class Transition<TState, TEvent>
    where TState : class
    where TEvent : class
{
    private Transition(TState? state, TEvent? @event, Refusal? refusal)
    {
        IsSuccess = refusal is null;
        State = state;
        Event = @event;
        Refusal = refusal;
    }

    [MemberNotNullWhen(true, nameof(State), nameof(Event))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsSuccess { get; }

    /// <summary>The command needed no change; <see cref="State"/> is the unchanged state.</summary>
    [MemberNotNullWhen(true, nameof(State), nameof(Refusal))]
    public bool IsUnchanged => Refusal?.Kind == CaseRefusalKind.Unchanged;

    public TState? State { get; }

    public TEvent? Event { get; }

    public Refusal? Refusal { get; }

    public static Transition<TState, TEvent> Succeeded(TState state, TEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        return new(state, @event, null);
    }

    public static Transition<TState, TEvent> Refused(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(null, null, refusal);
    }

    /// <summary>Nothing to do: <paramref name="state"/> stays as it is, <paramref name="why"/> (of kind
    /// <see cref="CaseRefusalKind.Unchanged"/>) says why.</summary>
    public static Transition<TState, TEvent> Unchanged(TState state, Refusal why)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(why);
        if (why.Kind != CaseRefusalKind.Unchanged)
        {
            throw new ArgumentException($"An unchanged transition explains itself with a refusal of kind Unchanged, not {why.Kind}.", nameof(why));
        }

        return new(state, null, why);
    }
}
