using System.Diagnostics.CodeAnalysis;

namespace CaseGrains.Domain.Cases;

/// <summary>
/// The answer to a command, one of three:
/// <list type="bullet">
/// <item><see cref="IsSuccess"/>: the case after the change and the event that records it, to be stored with a history entry;</item>
/// <item><see cref="IsUnchanged"/>: nothing to do (a reminder delivered again, late or for a deadline that ended; a
/// recompute that moves nothing). <see cref="State"/> is the case as it was and <see cref="Refusal"/>, of kind
/// <see cref="CaseRefusalKind.Unchanged"/>, says why. Nothing is written and no history entry is appended; a
/// scheduler acknowledges the delivery;</item>
/// <item>otherwise refused: <see cref="Refusal"/> says why.</item>
/// </list>
/// An unchanged answer is not a success, so that a caller that does not know about it writes nothing.
/// </summary>
public sealed class CaseTransition
{
    private CaseTransition(ReconsiderationCase? state, CaseEvent? @event, CaseRefusal? refusal)
    {
        IsSuccess = refusal is null;
        State = state;
        Event = @event;
        Refusal = refusal;
    }

    [MemberNotNullWhen(true, nameof(State), nameof(Event))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsSuccess { get; }

    /// <summary>The command needed no change; <see cref="State"/> is the unchanged case.</summary>
    [MemberNotNullWhen(true, nameof(State), nameof(Refusal))]
    public bool IsUnchanged => Refusal?.Kind == CaseRefusalKind.Unchanged;

    public ReconsiderationCase? State { get; }

    public CaseEvent? Event { get; }

    public CaseRefusal? Refusal { get; }

    public static CaseTransition Succeeded(ReconsiderationCase state, CaseEvent @event) => new(state, @event, null);

    public static CaseTransition Refused(CaseRefusal refusal) => new(null, null, refusal);

    /// <summary>Nothing to do: <paramref name="state"/> stays as it is, <paramref name="why"/> (of kind
    /// <see cref="CaseRefusalKind.Unchanged"/>) says why.</summary>
    public static CaseTransition Unchanged(ReconsiderationCase state, CaseRefusal why)
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
