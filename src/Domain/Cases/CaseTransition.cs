using System.Diagnostics.CodeAnalysis;

namespace CaseGrains.Domain.Cases;

/// <summary>The answer to a command: the case after the change and the event that records it, or the refusal.</summary>
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

    public ReconsiderationCase? State { get; }

    public CaseEvent? Event { get; }

    public CaseRefusal? Refusal { get; }

    public static CaseTransition Succeeded(ReconsiderationCase state, CaseEvent @event) => new(state, @event, null);

    public static CaseTransition Refused(CaseRefusal refusal) => new(null, null, refusal);
}
