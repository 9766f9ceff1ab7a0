using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Tests.Supervision.Support;

/// <summary>The assertions of <see cref="Cases.Support.TransitionAssertions"/> for the supervision aggregates' transitions.</summary>
internal static class WorkflowAssertions
{
    public static (TState State, TEvent Event) ShouldSucceed<TState, TEvent>(this Transition<TState, TEvent> transition)
        where TState : class
        where TEvent : class
    {
        Assert.True(transition.IsSuccess, transition.Refusal is { } r ? $"Refused: {r.Code} ({r.Kind}) {r.Detail}" : null);
        return (transition.State, transition.Event);
    }

    public static TRecorded ShouldRecord<TRecorded, TState, TEvent>(this Transition<TState, TEvent> transition)
        where TState : class
        where TEvent : class
        where TRecorded : TEvent =>
        Assert.IsType<TRecorded>(transition.ShouldSucceed().Event);

    public static Refusal ShouldBeRefused<TState, TEvent>(this Transition<TState, TEvent> transition, CaseRefusalKind kind, string code)
        where TState : class
        where TEvent : class
    {
        Assert.False(transition.IsSuccess, $"Expected refusal {code}, but the command succeeded with {transition.Event?.GetType().Name}.");
        Assert.Equal((kind, code), (transition.Refusal.Kind, transition.Refusal.Code));
        Assert.False(string.IsNullOrWhiteSpace(transition.Refusal.Title));
        Assert.False(string.IsNullOrWhiteSpace(transition.Refusal.Detail));
        return transition.Refusal;
    }

    public static Refusal ShouldViolate<TState, TEvent>(this Transition<TState, TEvent> transition, string code, string article)
        where TState : class
        where TEvent : class
    {
        var refusal = transition.ShouldBeRefused(CaseRefusalKind.RuleViolation, code);
        Assert.Contains(article, refusal.LegalBasis, StringComparison.Ordinal);
        return refusal;
    }

    public static Refusal ShouldBeInvalid<TState, TEvent>(this Transition<TState, TEvent> transition, string field, string code = "value_required")
        where TState : class
        where TEvent : class
    {
        var refusal = transition.ShouldBeRefused(CaseRefusalKind.Invalid, code);
        Assert.Equal(field, refusal.Field);
        return refusal;
    }

    /// <summary>A no-op: not a success, the same state, no event, and the reason of kind Unchanged.</summary>
    public static Refusal ShouldBeUnchanged<TState, TEvent>(this Transition<TState, TEvent> transition, TState before, string code)
        where TState : class
        where TEvent : class
    {
        Assert.True(transition.IsUnchanged, $"Expected no change ({code}), got {(transition.IsSuccess ? transition.Event.GetType().Name : transition.Refusal.Code)}.");
        Assert.Null(transition.Event);
        Assert.Same(before, transition.State);
        return transition.ShouldBeRefused(CaseRefusalKind.Unchanged, code);
    }

    /// <summary>Refused as not allowed in <paramref name="status"/> (its camelCase name), listing what is allowed.</summary>
    public static Refusal ShouldNotBeAllowed<TState, TEvent>(this Transition<TState, TEvent> transition, string status)
        where TState : class
        where TEvent : class
    {
        var refusal = transition.ShouldBeRefused(CaseRefusalKind.NotAllowed, "action_not_allowed");
        Assert.Equal(status, refusal.CurrentStatus);
        Assert.NotNull(refusal.AllowedActions);
        return refusal;
    }
}
